"""The desk's view of the page ratings: figures per page, then every answer.

Visitors write the ratings (`directory.views.ratings`); nobody edits them.
The figures above the list follow its filters (a period, a language, a page).
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from directory.models import PageRating


@admin.register(PageRating)
class PageRatingAdmin(admin.ModelAdmin[PageRating]):
    list_display = ("created_on", "path", "stars", "aspect", "comment", "language")
    list_filter = ("created_on", "stars", "aspect", "language")
    search_fields = ("path", "comment")
    show_full_result_count = False
    readonly_fields = list_display

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        if isinstance(response, TemplateResponse) and response.context_data:
            changelist = response.context_data.get("cl")
            if changelist is not None:
                response.context_data["figures"] = changelist.queryset.figures()
        return response

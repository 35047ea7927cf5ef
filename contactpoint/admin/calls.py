"""Funding calls for the desk: status derived from the dates, history kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from contactpoint.models import CALL_FIELDS, CallStatus, FundingCall
from creativecities.workflow.admin import HistoryAdminMixin
from directory.models import Organisation


class CallStatusFilter(admin.SimpleListFilter):
    """The status as of now, computed by the database (it is never stored)."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return list(CallStatus.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value not in CallStatus.values:
            return queryset
        return queryset.filter(**{"status": value})


class FundingCallAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    organisation_kinds = forms.TypedMultipleChoiceField(
        label=_("eligible kinds of organisation"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty when any kind of organisation may apply."),
    )

    class Meta:
        model = FundingCall
        fields = CALL_FIELDS.content


@admin.register(FundingCall)
class FundingCallAdmin(HistoryAdminMixin, TranslationAdmin):  # type: ignore[type-arg]
    """Dates are entered and shown on Genoa's clock (the portal's time zone)."""

    # Its "History" button opens the versions, beside the workflow if any.
    change_form_template = "admin/workflow/change_form.html"

    form = FundingCallAdminForm
    list_display = ("title", "funder", "opens_at", "closes_at", "status_label", "is_published")
    list_filter = (CallStatusFilter, "funder", "is_published", "sectors")
    search_fields = ("title_it", "title_en", "funder_name", "slug")
    prepopulated_fields = {"slug": ("title_it",)}
    filter_horizontal = ("sectors",)
    date_hierarchy = "closes_at"
    readonly_fields = CALL_FIELDS.stamps
    fieldsets = CALL_FIELDS.fieldsets()

    def get_queryset(self, request: HttpRequest) -> QuerySet[FundingCall]:
        queryset: QuerySet[FundingCall] = FundingCall.objects.with_status()
        return queryset

    @admin.display(description=_("status"), ordering="status_rank")
    def status_label(self, call: FundingCall) -> str:
        return str(call.current_status.label)

"""The desk's contacts: one record, edited in both languages."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from contactpoint.models import DeskContact


@admin.register(DeskContact)
class DeskContactAdmin(TranslationAdmin):  # type: ignore[type-arg]
    """One record: "add" disappears once it exists and it cannot be deleted, so
    the desk's home and every footer always show the same contacts."""

    list_display = ("name", "email", "phone", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "address")}),
        (None, {"fields": ("phone", "email", "pec")}),
        (None, {"fields": ("opening_hours", "appointments")}),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not DeskContact.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

"""Premises for the desk: photos inline, re-encoded like every upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from contactpoint.models import PREMISES_FIELDS, Premises, PremisesPhoto
from contactpoint.services.premises import photo_set_image
from creativecities.images import PhotoField
from creativecities.workflow.admin import HistoryAdminMixin


class PremisesPhotoForm(forms.ModelForm):  # type: ignore[type-arg]
    """A photo goes through `creativecities.images.process_photo`; the file sent is
    never stored as it came."""

    upload = PhotoField(label=_("photo"), required=False)

    class Meta:
        model = PremisesPhoto
        fields = ("caption", "order")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk is None and not cleaned.get("upload") and "upload" not in self.errors:
            self.add_error("upload", _("Choose a photo to upload."))
        return cleaned

    def save(self, commit: bool = True) -> PremisesPhoto:
        processed = self.cleaned_data.get("upload")
        if processed is not None:
            photo_set_image(photo=self.instance, processed=processed)
        photo: PremisesPhoto = super().save(commit)
        return photo


class PremisesPhotoInline(TranslationTabularInline):  # type: ignore[type-arg]
    model = PremisesPhoto
    form = PremisesPhotoForm
    fields = ("upload", "caption", "order")
    extra = 1


@admin.register(Premises)
class PremisesAdmin(HistoryAdminMixin, TranslationAdmin):  # type: ignore[type-arg]
    # Its "History" button opens the versions, beside the workflow if any.
    change_form_template = "admin/workflow/change_form.html"
    list_display = (
        "title",
        "kind",
        "floor_area",
        "monthly_rent",
        "municipality",
        "regeneration_area",
        "is_published",
    )
    list_filter = ("kind", "regeneration_area", "is_published", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("title_it", "title_en", "address", "slug")
    prepopulated_fields = {"slug": ("title_it",)}
    filter_horizontal = ("sectors",)
    inlines = (PremisesPhotoInline,)
    readonly_fields = PREMISES_FIELDS.stamps
    fieldsets = PREMISES_FIELDS.fieldsets()

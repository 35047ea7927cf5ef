"""Guides for the desk: both languages side by side, PDF attachments, history."""

from typing import Any

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from contactpoint.models import Guide, GuideAttachment
from contactpoint.services.attachments import MAX_PDF_BYTES, validate_pdf
from creativecities.workflow.admin import HistoryAdminMixin


class GuideAttachmentForm(forms.ModelForm):  # type: ignore[type-arg]
    """An attachment is stored only once its content proves it a readable PDF."""

    class Meta:
        model = GuideAttachment
        fields = ("title", "file", "order")
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": "application/pdf"})}

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "content_type"):  # a new upload
            validate_pdf(upload)
            self.instance.size = upload.size or 0
        return upload


class GuideAttachmentInline(TranslationTabularInline):  # type: ignore[type-arg]
    model = GuideAttachment
    form = GuideAttachmentForm
    extra = 0
    fields = ("title", "file", "order", "size")
    readonly_fields = ("size",)
    verbose_name_plural = f"PDF ({MAX_PDF_BYTES // (1024 * 1024)} MB max)"


@admin.register(Guide)
class GuideAdmin(HistoryAdminMixin, TranslationAdmin):  # type: ignore[type-arg]
    # Its "History" button opens the versions, beside the workflow if any.
    change_form_template = "admin/workflow/change_form.html"
    list_display = ("title", "topic", "published", "last_reviewed", "updated_at")
    list_filter = ("published", "topic", "sectors")
    search_fields = ("title_it", "title_en", "summary_it", "summary_en", "slug")
    prepopulated_fields = {"slug": ("title_it",)}
    filter_horizontal = ("sectors",)
    inlines = (GuideAttachmentInline,)
    fieldsets = (
        (None, {"fields": ("topic", "title", "slug", "summary", "body")}),
        (None, {"fields": ("sectors", "last_reviewed", "published")}),
    )

"""The desk's screens for sectors, places, site pages and partners."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from creativecities.images import LogoField
from creativecities.mail.tasks import enqueue_with_transaction
from directory.models import (
    Municipality,
    Page,
    Partner,
    Sector,
)
from directory.services.logos import partner_set_logo
from directory.tasks import organisations_reindex


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "slug", "order", "ateco_list")
    list_editable = ("order",)
    search_fields = ("name_it", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}

    @admin.display(description=_("ATECO codes"))
    def ateco_list(self, sector: Sector) -> str:
        return ", ".join(sector.ateco_codes)

    def save_model(self, request: HttpRequest, obj: Sector, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and {"name_it", "name_en"} & set(form.changed_data):
            enqueue_with_transaction(organisations_reindex, sector_id=obj.pk)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    """Places follow the law: staff rename them or add one when comuni merge."""

    list_display = ("name", "kind", "order")
    list_editable = ("order",)
    list_filter = ("kind",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def save_model(self, request: HttpRequest, obj: Municipality, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            enqueue_with_transaction(organisations_reindex, municipality_id=obj.pk)


@admin.register(Page)
class PageAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("title", "slug", "updated_at")
    readonly_fields = ("updated_at",)


class PartnerAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """The partner's fields, with a logo that goes through the portal's upload rules."""

    new_logo = LogoField(label=_("Logo"), required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = (
            "name",
            "city",
            "country",
            "country_code",
            "role",
            "website",
            "is_lead",
            "order",
        )

    def clean_country_code(self) -> str:
        """Take "it" as the "IT" it stands for."""
        return str(self.cleaned_data["country_code"]).strip().upper()


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin):  # type: ignore[type-arg]
    form = PartnerAdminForm
    list_display = ("name", "city", "country", "country_code", "is_lead", "order")
    list_editable = ("order",)
    list_filter = ("country", "is_lead")
    search_fields = ("name", "city_it", "city_en")

    def save_model(self, request: HttpRequest, obj: Partner, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        logo = form.cleaned_data.get("new_logo")
        if logo is not None:
            partner_set_logo(partner=obj, logo=logo)

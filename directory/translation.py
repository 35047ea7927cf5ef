"""Fields translated into every language of the portal (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from directory.models import Organisation, Page, Partner, Sector


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"it": ("name",), "en": ("name",)}


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"it": ("title", "body")}


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("city", "country", "role")
    required_languages = {"it": ("city", "country")}


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("short_description", "description")
    required_languages = {"it": ("short_description",)}

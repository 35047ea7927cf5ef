"""Fields of the desk staff write in every language of the portal (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from contactpoint.models import DeskContact, Guide, GuideAttachment


@register(DeskContact)
class DeskContactTranslationOptions(TranslationOptions):
    fields = ("name", "address", "opening_hours", "appointments")
    required_languages = {"it": ("name", "address", "opening_hours")}


@register(Guide)
class GuideTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"it": ("title", "summary", "body"), "en": ("title", "summary", "body")}


@register(GuideAttachment)
class GuideAttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"it": ("title",)}

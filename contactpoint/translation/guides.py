"""Translated fields of the desk's contacts and of guides."""

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

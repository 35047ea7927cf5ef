"""Translated fields of the desk's contacts, guides and standard replies."""

from modeltranslation.translator import TranslationOptions, register

from contactpoint.models import DeskContact, Guide, GuideAttachment, StandardReply


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


@register(StandardReply)
class StandardReplyTranslationOptions(TranslationOptions):
    """Its name in both languages, as its text: the clerk reads the picker in
    the admin's language."""

    fields = ("title",)
    required_languages = {"it": ("title",), "en": ("title",)}

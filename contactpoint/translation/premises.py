"""Translated fields of premises and their photos."""

from modeltranslation.translator import TranslationOptions, register

from contactpoint.models import Premises, PremisesPhoto


@register(Premises)
class PremisesTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"it": ("title",)}


@register(PremisesPhoto)
class PremisesPhotoTranslationOptions(TranslationOptions):
    fields = ("caption",)
    required_languages = {"it": ("caption",)}

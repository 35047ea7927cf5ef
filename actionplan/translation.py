"""Fields translated into every language of the portal (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from actionplan.models import BenchmarkIndicator


@register(BenchmarkIndicator)
class BenchmarkIndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "definition", "unit")
    required_languages = {"it": ("name", "definition"), "en": ("name", "definition")}

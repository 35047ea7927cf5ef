"""Fields of the plan written in both languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from actionplan.models import BenchmarkIndicator, Plan, Theme


@register(Plan)
class PlanTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"it": ("title",), "en": ("title",)}


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"it": ("title",)}


@register(BenchmarkIndicator)
class BenchmarkIndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "definition", "unit")
    required_languages = {"it": ("name", "definition"), "en": ("name", "definition")}

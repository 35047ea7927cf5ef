"""Fields of the plan written in both languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from actionplan.models import Plan, Theme


@register(Plan)
class PlanTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"it": ("title",), "en": ("title",)}


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"it": ("title",)}

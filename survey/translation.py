"""The survey's wording in every language of the portal (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from survey.models import Campaign, Choice, Question, Section


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "introduction")
    required_languages = {"it": ("title",), "en": ("title",)}


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"it": ("title",), "en": ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help_text")
    required_languages = {"it": ("text",), "en": ("text",)}


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = {"it": ("label",), "en": ("label",)}

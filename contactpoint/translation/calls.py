"""Translated fields of funding calls."""

from modeltranslation.translator import TranslationOptions, register

from contactpoint.models import FundingCall


@register(FundingCall)
class FundingCallTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"it": ("title", "description")}

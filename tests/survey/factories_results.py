"""Campaigns with one question of every kind, and submitted answers, for the
results' tests (the answering part has factories of its own)."""

import datetime
from dataclasses import dataclass
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from directory.models import Organisation, Sector
from survey.models import (
    Answer,
    AnswerChoice,
    AnswerSet,
    Campaign,
    Choice,
    Question,
    Section,
)


class ResultsCampaignFactory(DjangoModelFactory[Campaign]):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"results-survey-{n}")
    title_it = factory.Sequence(lambda n: f"Indagine {n}")
    title_en = factory.Sequence(lambda n: f"Survey {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60))
    closes_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


@dataclass
class SurveyQuestions:
    campaign: Campaign
    single: Question
    multiple: Question
    scale: Question
    number: Question
    short_text: Question
    long_text: Question

    def choice(self, question: Question, code: str) -> Choice:
        return question.choices.get(code=code)


def results_campaign(**fields: Any) -> SurveyQuestions:
    """A campaign of two sections with one question of every kind."""
    campaign = ResultsCampaignFactory.create(**fields)
    first = Section.objects.create(campaign=campaign, order=1, title_it="Uno", title_en="One")
    second = Section.objects.create(campaign=campaign, order=2, title_it="Due", title_en="Two")

    def question(section: Section, order: int, kind: str, text: str, **extra: Any) -> Question:
        return Question.objects.create(
            section=section, order=order, kind=kind, text_it=text, text_en=text, **extra
        )

    single = question(first, 1, Question.Kind.SINGLE, "Where do you work?")
    for order, code in enumerate(["studio", "home", "coworking"]):
        Choice.objects.create(question=single, order=order, code=code, label_it=code, label_en=code)
    multiple = question(first, 2, Question.Kind.MULTIPLE, "What do you need?")
    for order, code in enumerate(["premises", "funding", "training"]):
        Choice.objects.create(
            question=multiple, order=order, code=code, label_it=code, label_en=code
        )
    scale = question(first, 3, Question.Kind.SCALE, "How satisfied are you?")
    number = question(second, 1, Question.Kind.NUMBER, "How many people work with you?")
    short_text = question(second, 2, Question.Kind.SHORT_TEXT, "One word?", required=False)
    long_text = question(second, 3, Question.Kind.LONG_TEXT, "Anything else?", required=False)
    return SurveyQuestions(campaign, single, multiple, scale, number, short_text, long_text)


def results_answer(
    survey: SurveyQuestions,
    *,
    sector: Sector | None = None,
    kind: str = "",
    size: str = "",
    organisation: Organisation | None = None,
    single: str | None = None,
    multiple: tuple[str, ...] = (),
    scale: int | None = None,
    number: int | None = None,
    short_text: str = "",
    long_text: str = "",
) -> AnswerSet:
    """One submitted answer set with the given answers (None or empty: not answered)."""
    answer_set = AnswerSet.objects.create(
        campaign=survey.campaign,
        organisation=organisation,
        origin=AnswerSet.Origin.MEMBER if organisation else AnswerSet.Origin.ANONYMOUS,
        status=AnswerSet.Status.SUBMITTED,
        submitted_at=timezone.now(),
        sector=sector,
        kind=kind,
        size=size,
    )
    if single is not None:
        Answer.objects.create(
            answer_set=answer_set,
            question=survey.single,
            choice=survey.choice(survey.single, single),
        )
    if multiple:
        answer = Answer.objects.create(answer_set=answer_set, question=survey.multiple)
        for code in multiple:
            AnswerChoice.objects.create(answer=answer, choice=survey.choice(survey.multiple, code))
    if scale is not None:
        Answer.objects.create(answer_set=answer_set, question=survey.scale, number=scale)
    if number is not None:
        Answer.objects.create(answer_set=answer_set, question=survey.number, number=number)
    if short_text:
        Answer.objects.create(answer_set=answer_set, question=survey.short_text, text=short_text)
    if long_text:
        Answer.objects.create(answer_set=answer_set, question=survey.long_text, text=long_text)
    return answer_set

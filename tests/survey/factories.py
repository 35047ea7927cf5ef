"""Factories for the survey's models, and a small questionnaire of every kind."""

import datetime
from dataclasses import dataclass
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from survey.models import (
    Answer,
    AnswerSet,
    Campaign,
    Choice,
    Question,
    Section,
    SurveyInvitation,
)


class CampaignFactory(DjangoModelFactory[Campaign]):
    """A campaign open since yesterday, closing in a month."""

    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"survey-{n}")
    title_it = factory.Sequence(lambda n: f"Indagine {n}")
    title_en = factory.Sequence(lambda n: f"Survey {n}")
    introduction_en = "Tell us what your business needs."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


class SectionFactory(DjangoModelFactory[Section]):
    class Meta:
        model = Section

    campaign = factory.SubFactory(CampaignFactory)
    order = factory.Sequence(lambda n: n)
    title_it = factory.Sequence(lambda n: f"Sezione {n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")


class QuestionFactory(DjangoModelFactory[Question]):
    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    order = factory.Sequence(lambda n: n)
    kind = Question.Kind.SHORT_TEXT
    text_it = factory.Sequence(lambda n: f"Domanda {n}?")
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    required = True


class ChoiceFactory(DjangoModelFactory[Choice]):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.SINGLE)
    order = factory.Sequence(lambda n: n)
    code = factory.Sequence(lambda n: f"choice-{n}")
    label_it = factory.Sequence(lambda n: f"Scelta {n}")
    label_en = factory.Sequence(lambda n: f"Choice {n}")


class AnswerSetFactory(DjangoModelFactory[AnswerSet]):
    """A draft answer set of an organisation (pass `organisation`)."""

    class Meta:
        model = AnswerSet

    campaign = factory.SubFactory(CampaignFactory)
    origin = AnswerSet.Origin.MEMBER


class AnswerFactory(DjangoModelFactory[Answer]):
    class Meta:
        model = Answer

    answer_set = factory.SubFactory(AnswerSetFactory)
    question = factory.SubFactory(QuestionFactory)


class SurveyInvitationFactory(DjangoModelFactory[SurveyInvitation]):
    """An invitation; its token in clear is `invitation.token`."""

    class Meta:
        model = SurveyInvitation

    campaign = factory.SubFactory(CampaignFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    organisation_name = "Laboratorio Ospite"

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> SurveyInvitation:
        invitation: SurveyInvitation = model_class(*args, **kwargs)
        token = invitation.new_token()
        invitation.save()
        invitation.token = token  # type: ignore[attr-defined]
        return invitation


@dataclass
class SurveyQuestionnaire:
    """Two sections: the first with a single choice, a multiple choice and a
    scale; the second with a number from 0 to 500, a question shown only
    if the first answer is "yes", and an optional long text."""

    campaign: Campaign
    premises: Question
    yes: Choice
    no: Choice
    needs: Question
    need_space: Choice
    need_funding: Choice
    satisfaction: Question
    staff: Question
    rent: Question
    remarks: Question


def survey_questionnaire(**campaign: Any) -> SurveyQuestionnaire:
    made = CampaignFactory(**campaign)
    first = SectionFactory(campaign=made, order=1, title_en="Your business")
    second = SectionFactory(campaign=made, order=2, title_en="Numbers")
    premises = QuestionFactory(
        section=first, order=1, kind=Question.Kind.SINGLE, text_en="Do you rent premises?"
    )
    yes = ChoiceFactory(question=premises, order=1, code="yes", label_en="Yes")
    no = ChoiceFactory(question=premises, order=2, code="no", label_en="No")
    needs = QuestionFactory(
        section=first, order=2, kind=Question.Kind.MULTIPLE, text_en="What do you need?"
    )
    need_space = ChoiceFactory(question=needs, order=1, code="space", label_en="Space")
    need_funding = ChoiceFactory(question=needs, order=2, code="funding", label_en="Funding")
    satisfaction = QuestionFactory(
        section=first, order=3, kind=Question.Kind.SCALE, text_en="How do you rate our services?"
    )
    staff = QuestionFactory(
        section=second,
        order=1,
        kind=Question.Kind.NUMBER,
        text_en="How many people work with you?",
        min_value=0,
        max_value=500,
    )
    rent = QuestionFactory(
        section=second,
        order=2,
        kind=Question.Kind.SHORT_TEXT,
        text_en="Which neighbourhood are your premises in?",
        condition=yes,
    )
    remarks = QuestionFactory(
        section=second,
        order=3,
        kind=Question.Kind.LONG_TEXT,
        text_en="Anything else?",
        required=False,
    )
    return SurveyQuestionnaire(
        campaign=made,
        premises=premises,
        yes=yes,
        no=no,
        needs=needs,
        need_space=need_space,
        need_funding=need_funding,
        satisfaction=satisfaction,
        staff=staff,
        rent=rent,
        remarks=remarks,
    )

"""The survey's rules that the models and the database keep."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from directory.models import Organisation
from survey.models import AnswerSet, Question
from tests.survey.factories import (
    AnswerSetFactory,
    ChoiceFactory,
    QuestionFactory,
    SectionFactory,
    SurveyQuestionnaire,
    survey_questionnaire,
)

pytestmark = pytest.mark.django_db


def test_the_database_keeps_one_answer_set_per_organisation_and_campaign(
    survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    AnswerSetFactory(campaign=survey_questions.campaign, organisation=survey_organisation)

    with pytest.raises(IntegrityError), transaction.atomic():
        AnswerSet.objects.create(
            campaign=survey_questions.campaign,
            organisation=survey_organisation,
            origin=AnswerSet.Origin.MEMBER,
        )

    # Answer sets without an organisation are many; another campaign is another set.
    AnswerSetFactory(campaign=survey_questions.campaign, origin=AnswerSet.Origin.ANONYMOUS)
    AnswerSetFactory(campaign=survey_questions.campaign, origin=AnswerSet.Origin.ANONYMOUS)
    AnswerSetFactory(organisation=survey_organisation)
    assert AnswerSet.objects.count() == 4


def test_a_condition_must_name_an_earlier_single_choice_of_the_same_campaign(
    survey_questions: SurveyQuestionnaire,
) -> None:
    survey = survey_questions
    # A multiple-choice question's choice.
    survey.staff.condition = survey.need_space
    with translation.override("en"), pytest.raises(ValidationError, match="single-choice"):
        survey.staff.full_clean()
    # A later question's choice.
    later = QuestionFactory(section=survey.staff.section, order=99, kind=Question.Kind.SINGLE)
    survey.staff.condition = ChoiceFactory.create(question=later)
    with translation.override("en"), pytest.raises(ValidationError, match="comes earlier"):
        survey.staff.full_clean()
    # Another campaign's.
    survey.staff.condition = survey_questionnaire().yes
    with translation.override("en"), pytest.raises(ValidationError, match="same campaign"):
        survey.staff.full_clean()
    survey.staff.condition = survey.yes
    survey.staff.full_clean()


def test_only_numbers_have_bounds_in_order(survey_questions: SurveyQuestionnaire) -> None:
    question = QuestionFactory.build(
        section=SectionFactory(), kind=Question.Kind.SHORT_TEXT, min_value=1
    )
    with translation.override("en"), pytest.raises(ValidationError, match="Only number questions"):
        question.full_clean()
    question.kind = Question.Kind.NUMBER
    question.max_value = 0
    maximum = "cannot be above the maximum"
    with translation.override("en"), pytest.raises(ValidationError, match=maximum):
        question.full_clean()

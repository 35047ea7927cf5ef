"""The desk deletes an answer set (spam, a test, a respondent's request) from the admin."""

from http import HTTPStatus

import pytest
from django.test import Client

from survey.models import Answer, AnswerSet
from tests.survey.factories_results import (
    SurveyQuestions,
    results_answer,
    results_campaign,
)
from tests.text import store_raw

pytestmark = pytest.mark.django_db

ADMIN = "/admin/survey/answerset"


@pytest.fixture
def survey_with_pasted_text() -> tuple[SurveyQuestions, AnswerSet]:
    """Two anonymous answer sets; one holds a word processor's line break, stored
    as it came before text was cleaned."""
    survey = results_campaign()
    kept = results_answer(survey, single="home", short_text="Kept")
    pasted = results_answer(survey, single="studio", long_text="Line")
    store_raw(Answer.objects.get(answer_set=pasted, question=survey.long_text), "text", "A\x0bB")
    return survey, kept


def test_desk_deletes_an_answer_set_with_its_answers(
    desk: Client, survey_with_pasted_text: tuple[SurveyQuestions, AnswerSet]
) -> None:
    survey, kept = survey_with_pasted_text
    pasted = survey.campaign.answer_sets.exclude(pk=kept.pk).get()

    page = desk.get(f"{ADMIN}/{pasted.pk}/delete/")
    assert page.status_code == HTTPStatus.OK
    response = desk.post(f"{ADMIN}/{pasted.pk}/delete/", {"post": "yes"})

    assert response.status_code == HTTPStatus.FOUND
    assert list(survey.campaign.answer_sets.all()) == [kept]
    assert not Answer.objects.filter(answer_set_id=pasted.pk).exists()
    assert Answer.objects.filter(answer_set=kept).exists()


def test_desk_deletes_answer_sets_in_bulk(
    desk: Client, survey_with_pasted_text: tuple[SurveyQuestions, AnswerSet]
) -> None:
    survey, kept = survey_with_pasted_text
    pasted = survey.campaign.answer_sets.exclude(pk=kept.pk).get()

    response = desk.post(
        f"{ADMIN}/",
        {"action": "delete_selected", "_selected_action": [pasted.pk], "post": "yes"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert list(survey.campaign.answer_sets.all()) == [kept]

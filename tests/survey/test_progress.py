"""Every step of the survey names whom it is answered for, and its progress
shows without an inline style (which the Content Security Policy blocks)."""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from directory.models import Organisation, User
from tests.survey.factories import SurveyQuestionnaire
from tests.survey.test_answering import survey_first_page, survey_start

pytestmark = pytest.mark.django_db

ANSWERING_FOR = "You are answering for <strong>Officina Grafica</strong>"


def progress_element(content: str) -> str:
    [element] = re.findall(r"<progress[^>]*>[^<]*</progress>", content)
    return str(element)


def test_every_step_and_the_summary_name_the_organisation(
    client: Client,
    survey_member: User,
    survey_questions: SurveyQuestionnaire,
    survey_organisation: Organisation,
) -> None:
    client.force_login(survey_member)
    first = survey_start(client, survey_questions, survey_organisation)
    assert ANSWERING_FOR in client.get(first).content.decode()
    second = client.post(first, survey_first_page(survey_questions))["Location"]
    assert ANSWERING_FOR in client.get(second).content.decode()
    survey = survey_questions
    answers = {f"q{survey.staff.pk}": "7", f"q{survey.rent.pk}": "Molo", "action": "next"}
    summary = client.post(second, answers)["Location"]
    assert summary.endswith("/summary/")
    assert ANSWERING_FOR in client.get(summary).content.decode()


def test_an_anonymous_answer_says_so(client: Client, survey_questions: SurveyQuestionnaire) -> None:
    campaign = survey_questions.campaign
    campaign.accepts_anonymous = True
    campaign.save()
    first = client.post(f"/en/survey/{campaign.slug}/start/", {"anonymous": "1"})["Location"]
    content = client.get(first).content.decode()
    assert "You are answering anonymously" in content
    assert "You are answering for" not in content


def test_the_progress_bar_fills_with_no_inline_style(
    client: Client,
    survey_member: User,
    survey_questions: SurveyQuestionnaire,
    survey_organisation: Organisation,
) -> None:
    client.force_login(survey_member)
    first = survey_start(client, survey_questions, survey_organisation)
    page = client.get(first)
    assert page.status_code == HTTPStatus.OK
    content = page.content.decode()
    assert "Step 1 of 3" in content
    assert 'value="0"' in progress_element(content)
    second = client.post(first, survey_first_page(survey_questions))["Location"]
    content = client.get(second).content.decode()
    element = progress_element(content)
    assert "Step 2 of 3" in content
    assert 'max="100"' in element and 'value="33"' in element and ">33%<" in element
    assert 'aria-labelledby="survey-progress-label"' in element
    assert "style=" not in content.split('id="survey-progress-label"')[1].split("</progress>")[0]

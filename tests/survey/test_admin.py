"""Building campaigns in the admin: the guard on answered campaigns, copying,
invitations."""

from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.db.models import RestrictedError
from django.db.models.fields.files import FieldFile
from django.test import Client

from survey.models import AnswerSet, Campaign, Choice, Question, SurveyInvitation
from tests.survey.factories import (
    AnswerFactory,
    AnswerSetFactory,
    SurveyQuestionnaire,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/survey"


def survey_form_data(client: Client, url: str) -> dict[str, Any]:
    """What a change form posts back when nothing is edited, inlines included."""
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    forms = [(response.context["adminform"].form, "")]
    data: dict[str, Any] = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{inline.formset.prefix}-{name}"] = management[name].value()
        forms.extend((form, "") for form in inline.formset.forms)
    for form, _prefix in forms:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or isinstance(value, FieldFile):
                continue
            if isinstance(value, bool):
                if value:
                    data[key] = "on"
                continue
            data[key] = value
    return data


def survey_answered(survey: SurveyQuestionnaire) -> AnswerSet:
    answer_set = AnswerSetFactory.create(campaign=survey.campaign)
    AnswerFactory(answer_set=answer_set, question=survey.staff, number=40)
    AnswerFactory(answer_set=answer_set, question=survey.premises, choice=survey.yes)
    return answer_set


def test_staff_reword_a_question_of_an_answered_campaign(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    survey = survey_questions
    survey_answered(survey)
    url = f"{ADMIN}/question/{survey.staff.pk}/change/"
    data = survey_form_data(desk, url)
    data["text_en"] = "How many people work with you today?"

    response = desk.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    survey.staff.refresh_from_db()
    assert survey.staff.text_en == "How many people work with you today?"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "short_text", "min_value": "", "max_value": ""}, "kind of a question cannot"),
        ({"min_value": "50"}, "Some answers are below this minimum"),
        ({"max_value": "10"}, "Some answers are above this maximum"),
    ],
)
def test_staff_cannot_retype_or_narrow_an_answered_question(
    desk: Client, survey_questions: SurveyQuestionnaire, changes: dict[str, str], message: str
) -> None:
    survey = survey_questions
    survey_answered(survey)
    url = f"{ADMIN}/question/{survey.staff.pk}/change/"
    data = survey_form_data(desk, url)
    data.update(changes)

    response = desk.post(url, data)

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    survey.staff.refresh_from_db()
    assert (survey.staff.kind, survey.staff.min_value, survey.staff.max_value) == ("number", 0, 500)


def test_bounds_that_keep_every_answer_may_change(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    survey = survey_questions
    survey_answered(survey)
    url = f"{ADMIN}/question/{survey.staff.pk}/change/"
    data = survey_form_data(desk, url)
    data.update({"min_value": "1", "max_value": "40"})

    assert desk.post(url, data).status_code == HTTPStatus.FOUND


def test_an_answered_campaign_offers_no_removal_and_the_database_refuses_one(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    survey = survey_questions
    survey_answered(survey)

    page = desk.get(f"{ADMIN}/campaign/{survey.campaign.pk}/change/").content.decode()
    assert "can be added and reworded, but not removed" in page
    assert "DELETE" not in page
    question_page = desk.get(f"{ADMIN}/question/{survey.premises.pk}/change/").content.decode()
    assert "choices-0-DELETE" not in question_page
    delete = desk.post(f"{ADMIN}/question/{survey.remarks.pk}/delete/", {"post": "yes"})
    assert delete.status_code == HTTPStatus.FORBIDDEN
    assert desk.get(f"{ADMIN}/section/{survey.staff.section_id}/delete/").status_code == 403
    assert Question.objects.filter(pk=survey.remarks.pk).exists()
    with pytest.raises(RestrictedError):
        survey.staff.delete()
    with pytest.raises(RestrictedError):
        Choice.objects.filter(pk=survey.yes.pk).delete()


def test_staff_may_add_a_question_to_an_answered_campaign(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    survey = survey_questions
    survey_answered(survey)
    section = survey.staff.section
    url = f"{ADMIN}/section/{section.pk}/change/"
    data = survey_form_data(desk, url)
    total = int(data["questions-TOTAL_FORMS"])
    data["questions-TOTAL_FORMS"] = str(total + 1)
    data.update(
        {
            f"questions-{total}-order": "9",
            f"questions-{total}-kind": "scale",
            f"questions-{total}-required": "on",
            f"questions-{total}-text_it": "Quanto è utile il portale?",
            f"questions-{total}-text_en": "How useful is the portal?",
            f"questions-{total}-section": str(section.pk),
        }
    )

    response = desk.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert section.questions.filter(text_en="How useful is the portal?").exists()


def test_an_unanswered_campaign_can_lose_a_question(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    survey = survey_questions
    response = desk.post(f"{ADMIN}/question/{survey.remarks.pk}/delete/", {"post": "yes"})

    assert response.status_code == HTTPStatus.FOUND
    assert not Question.objects.filter(pk=survey.remarks.pk).exists()


def test_copy_campaign_copies_questions_choices_and_conditions_but_no_answers(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    survey = survey_questions
    survey.campaign.slug = "indagine-2026"
    survey.campaign.save()
    survey_answered(survey)

    response = desk.post(
        f"{ADMIN}/campaign/",
        {"action": "copy_campaign", "_selected_action": [survey.campaign.pk]},
    )

    assert response.status_code == HTTPStatus.FOUND
    copy = Campaign.objects.get(slug="indagine-2027")
    assert copy.opens_at.year == survey.campaign.opens_at.year + 1
    assert not copy.answer_sets.exists()
    assert not copy.results_published
    questions = list(copy.questions)
    assert [q.text_en for q in questions] == [q.text_en for q in survey.campaign.questions]
    assert [q.kind for q in questions] == [q.kind for q in survey.campaign.questions]
    rent = next(q for q in questions if q.text_en == survey.rent.text_en)
    assert rent.condition is not None
    assert rent.condition.code == "yes"
    assert rent.condition.question.section.campaign == copy
    premises = next(q for q in questions if q.kind == "single")
    assert list(premises.choices.values_list("code", flat=True)) == ["yes", "no"]
    # The original is untouched.
    assert survey.campaign.questions.count() == len(questions)
    survey.rent.refresh_from_db()
    assert survey.rent.condition == survey.yes


def test_staff_invite_an_organisation_not_in_the_directory(
    desk: Client, survey_questions: SurveyQuestionnaire, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            f"{ADMIN}/surveyinvitation/add/",
            {
                "campaign": survey_questions.campaign.pk,
                "organisation_name": "Teatro del Porto",
                "email": "info@teatrodelporto.example",
            },
        )

    assert response.status_code == HTTPStatus.FOUND
    invitation = SurveyInvitation.objects.get()
    assert invitation.invited_by is not None
    assert len(mail.outbox) == 1
    assert "/survey/invitation/" in mail.outbox[0].body
    assert invitation.token_hash not in mail.outbox[0].body


def test_an_invitation_names_an_organisation(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    response = desk.post(
        f"{ADMIN}/surveyinvitation/add/",
        {"campaign": survey_questions.campaign.pk, "email": "info@example.org"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Choose an organisation of the directory or type the name of one." in (
        response.content.decode()
    )
    assert not SurveyInvitation.objects.exists()


def test_the_campaign_page_leads_to_its_results(
    desk: Client, survey_questions: SurveyQuestionnaire
) -> None:
    campaign = survey_questions.campaign

    page = desk.get(f"{ADMIN}/campaign/{campaign.pk}/change/").content.decode()

    assert f'href="/admin/survey-results/{campaign.pk}/"' in page

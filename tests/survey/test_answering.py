"""Answering over several pages: drafts, validation, conditions, submission."""

import datetime
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import timezone

from directory.models import Organisation, User
from survey.models import Answer, AnswerSet
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories import SurveyQuestionnaire

pytestmark = pytest.mark.django_db


def survey_start(client: Client, survey: SurveyQuestionnaire, organisation: Organisation) -> str:
    """Start answering for `organisation`; the URL of the first page."""
    response = client.post(
        f"/en/survey/{survey.campaign.slug}/start/", {"organisation": organisation.pk}
    )
    assert response.status_code == HTTPStatus.FOUND, response.content
    return str(response["Location"])


def survey_first_page(survey: SurveyQuestionnaire, *, premises: str = "yes") -> dict[str, object]:
    choice = survey.yes if premises == "yes" else survey.no
    return {
        f"q{survey.premises.pk}": choice.pk,
        f"q{survey.needs.pk}": [survey.need_space.pk, survey.need_funding.pk],
        f"q{survey.satisfaction.pk}": 4,
        "action": "next",
    }


@pytest.fixture
def survey_client(client: Client, survey_member: User) -> Client:
    client.force_login(survey_member)
    return client


def test_a_member_answers_over_two_pages_and_submits(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    page = survey_client.get(first)
    assert "Step 1 of 3" in page.content.decode()
    assert "From the profile of Officina Grafica" in page.content.decode()

    response = survey_client.post(first, survey_first_page(survey))
    assert response.status_code == HTTPStatus.FOUND
    second = response["Location"]
    assert "Step 2 of 3" in survey_client.get(second).content.decode()
    response = survey_client.post(
        second,
        {f"q{survey.staff.pk}": "7", f"q{survey.rent.pk}": "Molo", "action": "next"},
    )
    summary = response["Location"]
    assert summary.endswith("/summary/")
    assert survey_client.post(summary).status_code == HTTPStatus.FOUND

    answer_set = AnswerSet.objects.get()
    assert answer_set.is_submitted
    assert answer_set.organisation == survey_organisation
    assert answer_set.size == Organisation.Size.MICRO
    assert answer_set.sector == survey_organisation.primary_sector
    assert answer_set.submitted_by is not None
    answers = {a.question_id: a for a in Answer.objects.all()}
    assert answers[survey.premises.pk].choice == survey.yes
    assert set(answers[survey.needs.pk].choices.all()) == {survey.need_space, survey.need_funding}
    assert answers[survey.satisfaction.pk].number == 4
    assert answers[survey.staff.pk].number == 7
    assert answers[survey.rent.pk].text == "Molo"
    assert survey.remarks.pk not in answers


def test_the_draft_survives_a_new_login_of_another_member(
    client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first_member = survey_organisation.memberships.get().user
    client.force_login(first_member)
    first = survey_start(client, survey, survey_organisation)
    client.post(first, survey_first_page(survey))
    client.logout()

    colleague = UserFactory.create()
    survey_organisation.memberships.create(user=colleague)
    client.force_login(colleague)
    resumed = survey_start(client, survey, survey_organisation)

    assert resumed.endswith("/page/2/")
    back = client.get(resumed.replace("/page/2/", "/page/1/")).content.decode()
    assert f'value="{survey.yes.pk}" checked' in back.replace(" required", "") or "checked" in back
    assert AnswerSet.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("staff", "501", "The largest accepted is 500."),
        ("staff", "-1", "The smallest accepted is 0."),
        ("staff", "many", "Type a whole number"),
        ("staff", "", "This field is required."),
    ],
)
def test_a_number_out_of_bounds_is_refused_and_what_was_typed_stays(
    survey_client: Client,
    survey_questions: SurveyQuestionnaire,
    survey_organisation: Organisation,
    field: str,
    value: str,
    message: str,
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    second = survey_client.post(first, survey_first_page(survey))["Location"]

    response = survey_client.post(
        second,
        {f"q{survey.staff.pk}": value, f"q{survey.rent.pk}": "Molo", "action": "next"},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert message in page
    assert 'value="Molo"' in page
    assert not Answer.objects.filter(question=survey.staff).exists()


def test_an_unknown_choice_is_refused(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    data = survey_first_page(survey)
    data[f"q{survey.premises.pk}"] = survey.need_space.pk  # another question's choice
    data[f"q{survey.needs.pk}"] = ["999999"]
    data[f"q{survey.satisfaction.pk}"] = "6"

    response = survey_client.post(first, data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert "Choose one of the answers offered." in page
    assert "Choose among the answers offered." in page
    assert "Choose a value from 1 to 5." in page
    assert not Answer.objects.exists()


def test_a_missing_required_answer_is_refused(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    data = survey_first_page(survey)
    del data[f"q{survey.needs.pk}"]

    response = survey_client.post(first, data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This field is required." in response.content.decode()


def test_a_question_whose_condition_is_not_met_is_not_required_and_its_answer_is_dropped(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    second = survey_client.post(first, survey_first_page(survey))["Location"]
    survey_client.post(
        second, {f"q{survey.staff.pk}": "3", f"q{survey.rent.pk}": "Molo", "action": "next"}
    )
    # The first answer changes: the neighbourhood no longer applies.
    survey_client.post(first, survey_first_page(survey, premises="no"))
    second_page = survey_client.get(second).content.decode()
    assert "Which neighbourhood" not in second_page

    summary = survey_client.post(second, {f"q{survey.staff.pk}": "3", "action": "next"})
    assert survey_client.post(summary["Location"]).status_code == HTTPStatus.FOUND

    assert AnswerSet.objects.get().is_submitted
    assert not Answer.objects.filter(question=survey.rent).exists()


def test_submission_lists_required_questions_left_unanswered(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    survey_client.post(first, survey_first_page(survey))
    answer_set = AnswerSet.objects.get()

    response = survey_client.post(f"/en/survey/answers/{answer_set.pk}/summary/")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert "“How many people work with you?” needs an answer." in page
    assert "“Which neighbourhood are your premises in?” needs an answer." in page
    assert not AnswerSet.objects.get().is_submitted


def test_back_keeps_what_was_typed_without_requiring_it(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    second = survey_client.post(first, survey_first_page(survey))["Location"]

    response = survey_client.post(second, {f"q{survey.rent.pk}": "Molo", "action": "back"})

    assert response["Location"] == first
    assert Answer.objects.get(question=survey.rent).text == "Molo"


def test_submitted_answers_can_be_reopened_and_changed_until_closing(
    survey_client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    second = survey_client.post(first, survey_first_page(survey))["Location"]
    summary = survey_client.post(
        second, {f"q{survey.staff.pk}": "3", f"q{survey.rent.pk}": "Molo", "action": "next"}
    )["Location"]
    survey_client.post(summary)
    answer_set = AnswerSet.objects.get()

    assert survey_client.get(first)["Location"] == summary  # submitted: read-only
    survey_client.post(f"/en/survey/answers/{answer_set.pk}/reopen/")
    survey_client.post(
        second, {f"q{survey.staff.pk}": "12", f"q{survey.rent.pk}": "Molo", "action": "next"}
    )
    survey_client.post(summary)

    assert AnswerSet.objects.get().is_submitted
    assert Answer.objects.get(question=survey.staff).number == 12


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(-10, -1), (2, 10)],
    ids=["closed", "not yet open"],
)
def test_a_campaign_outside_its_dates_refuses_answers(
    survey_client: Client,
    survey_questions: SurveyQuestionnaire,
    survey_organisation: Organisation,
    opens: int,
    closes: int,
) -> None:
    survey = survey_questions
    first = survey_start(survey_client, survey, survey_organisation)
    answer_set = AnswerSet.objects.get()
    now = timezone.now()
    survey.campaign.opens_at = now + datetime.timedelta(days=opens)
    survey.campaign.closes_at = now + datetime.timedelta(days=closes)
    survey.campaign.save()

    assert survey_client.post(first, survey_first_page(survey)).status_code == HTTPStatus.FORBIDDEN
    summary = f"/en/survey/answers/{answer_set.pk}/summary/"
    assert survey_client.post(summary).status_code == HTTPStatus.FORBIDDEN
    start = survey_client.post(
        f"/en/survey/{survey.campaign.slug}/start/", {"organisation": survey_organisation.pk}
    )
    assert start.status_code == HTTPStatus.FORBIDDEN
    assert not Answer.objects.exists()


def test_another_organisations_member_gets_404(
    client: Client, survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    survey = survey_questions
    client.force_login(survey_organisation.memberships.get().user)
    first = survey_start(client, survey, survey_organisation)
    answer_set = AnswerSet.objects.get()
    client.logout()
    outsider = UserFactory.create()
    OrganisationFactory.create(members=[outsider])
    client.force_login(outsider)

    assert client.get(first).status_code == HTTPStatus.NOT_FOUND
    assert client.post(first, survey_first_page(survey)).status_code == HTTPStatus.NOT_FOUND
    summary = f"/en/survey/answers/{answer_set.pk}/summary/"
    assert client.get(summary).status_code == HTTPStatus.NOT_FOUND
    assert client.post(summary).status_code == HTTPStatus.NOT_FOUND
    reopen = f"/en/survey/answers/{answer_set.pk}/reopen/"
    assert client.post(reopen).status_code == HTTPStatus.NOT_FOUND
    # Nor can it start answering for an organisation it does not belong to.
    start = client.post(
        f"/en/survey/{survey.campaign.slug}/start/", {"organisation": survey_organisation.pk}
    )
    assert start.status_code == HTTPStatus.FOUND
    assert AnswerSet.objects.count() == 1
    assert not Answer.objects.exists()


def test_a_member_of_several_organisations_chooses_one(
    survey_client: Client,
    survey_questions: SurveyQuestionnaire,
    survey_organisation: Organisation,
    survey_member: User,
) -> None:
    other = OrganisationFactory.create(name="Studio Due", members=[survey_member])

    page = survey_client.get(f"/en/survey/{survey_questions.campaign.slug}/").content.decode()
    assert "Studio Due" in page
    assert 'name="organisation"' in page
    survey_start(survey_client, survey_questions, other)

    assert AnswerSet.objects.get().organisation == other

"""The survey's services: starting answer sets (also at the same moment),
personal links, anonymous answers."""

from http import HTTPStatus
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from creativecities.models import OutgoingEmail
from directory.models import Organisation, User
from survey import services
from survey.models import AnswerSet, AnswerSetQuerySet, SurveyInvitation
from tests.concurrency import run_at_once
from tests.directory.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    SectorFactory,
    UserFactory,
)
from tests.directory.helpers import path_in_mail
from tests.survey.factories import (
    CampaignFactory,
    SurveyInvitationFactory,
    SurveyQuestionnaire,
)

SURVEY_MEMBERS = 4


@pytest.mark.django_db(transaction=True)
def test_first_starts_at_the_same_moment_leave_one_answer_set() -> None:
    # The tables may have been emptied by an earlier test that committed.
    SectorFactory()
    MunicipalityFactory()
    members = [UserFactory() for _ in range(SURVEY_MEMBERS)]
    organisation = OrganisationFactory(members=members)
    campaign = CampaignFactory()
    clients = [Client() for _ in members]
    for client, member in zip(clients, members, strict=True):
        client.force_login(member)

    answers = run_at_once(
        lambda client: client.post(
            f"/en/survey/{campaign.slug}/start/", {"organisation": organisation.pk}
        ),
        clients,
    )

    assert [answer.status_code for answer in answers] == [HTTPStatus.FOUND] * SURVEY_MEMBERS
    answer_set = AnswerSet.objects.get()
    assert {answer["Location"] for answer in answers} == {
        f"/en/survey/answers/{answer_set.pk}/page/1/"
    }


@pytest.mark.django_db
def test_a_start_that_loses_the_race_reads_the_winners_row(
    survey_questions: SurveyQuestionnaire, survey_organisation: Organisation
) -> None:
    winner = AnswerSet.objects.create(
        campaign=survey_questions.campaign,
        organisation=survey_organisation,
        origin=AnswerSet.Origin.MEMBER,
    )
    # The look finds nothing, as it would before the winner committed.
    with mock.patch.object(AnswerSetQuerySet, "first", return_value=None):
        found = services.answer_set_for_organisation(
            campaign=survey_questions.campaign, organisation=survey_organisation
        )

    assert found == winner
    assert AnswerSet.objects.count() == 1


@pytest.mark.django_db
def test_a_personal_link_answers_without_an_account(
    client: Client, survey_questions: SurveyQuestionnaire
) -> None:
    invitation = SurveyInvitationFactory.create(campaign=survey_questions.campaign)
    link = f"/en/survey/invitation/{invitation.token}/"

    assert client.get(link).status_code == HTTPStatus.OK
    assert not AnswerSet.objects.exists()  # opening the link changes nothing
    first = client.post(link)["Location"]
    assert client.get(first).status_code == HTTPStatus.OK

    answer_set = AnswerSet.objects.get()
    assert answer_set.invitation == invitation
    assert answer_set.origin == AnswerSet.Origin.INVITATION
    assert answer_set.organisation is None
    # Another browser without the link cannot open it.
    assert Client().get(first).status_code == HTTPStatus.NOT_FOUND
    # The same link again continues the same answers.
    assert Client().post(link)["Location"] == first


@pytest.mark.django_db
def test_an_invitation_for_a_directory_organisation_answers_for_it(
    client: Client,
    survey_questions: SurveyQuestionnaire,
    survey_organisation: Organisation,
    survey_member: User,
) -> None:
    invitation = SurveyInvitationFactory.create(
        campaign=survey_questions.campaign, organisation=survey_organisation, organisation_name=""
    )
    first = client.post(f"/en/survey/invitation/{invitation.token}/")["Location"]

    answer_set = AnswerSet.objects.get()
    assert answer_set.organisation == survey_organisation
    assert answer_set.invitation == invitation
    # A member who registers later finds the same answers.
    member = Client()
    member.force_login(survey_member)
    assert member.get(first).status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_a_wrong_link_is_refused(client: Client) -> None:
    response = client.get("/en/survey/invitation/not-a-real-token/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "This link cannot be used" in response.content.decode()


@pytest.mark.django_db
def test_the_invitation_mail_carries_a_working_link(
    client: Client,
    survey_questions: SurveyQuestionnaire,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.survey_invitation_send(
            campaign=survey_questions.campaign,
            email="studio@example.org",
            organisation_name="Studio Nuovo",
            language="en",
        )

    path = path_in_mail(mail.outbox[0], path=r"/en/survey/invitation/\S+/")
    assert "Studio Nuovo" in mail.outbox[0].body
    client.post(path)
    assert AnswerSet.objects.get().invitation == invitation
    assert SurveyInvitation.objects.get().used_at is None


@pytest.mark.django_db
def test_anonymous_answers_only_where_allowed_and_within_the_limits(
    client: Client, survey_questions: SurveyQuestionnaire, settings: Any
) -> None:
    campaign = survey_questions.campaign
    start = f"/en/survey/{campaign.slug}/start/"
    assert client.post(start, {"anonymous": "1"}).status_code == HTTPStatus.NOT_FOUND

    campaign.accepts_anonymous = True
    campaign.save()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "survey_anonymous": {"address": "2/h"}}
    first = client.post(start, {"anonymous": "1"})["Location"]
    assert client.get(first).status_code == HTTPStatus.OK
    assert AnswerSet.objects.get().origin == AnswerSet.Origin.ANONYMOUS
    assert (
        "Go back to the answers you started"
        in client.get(campaign.get_absolute_url()).content.decode()
    )

    assert Client().post(start, {"anonymous": "1"}).status_code == HTTPStatus.FOUND
    refused = Client().post(start, {"anonymous": "1"})
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert AnswerSet.objects.count() == 2


@pytest.mark.django_db
def test_anonymous_answer_sets_of_a_campaign_stop_at_its_ceiling_from_any_address(
    survey_questions: SurveyQuestionnaire, settings: Any
) -> None:
    """Eight addresses each within their own limit: the campaign takes three,
    then refuses the rest with a message, and the desk is told once."""
    campaign = survey_questions.campaign
    campaign.accepts_anonymous = True
    campaign.save()
    other = CampaignFactory(accepts_anonymous=True)
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "survey_anonymous_ceiling": {"target": "3/h"},
    }

    def start(slug: str, address: str) -> Any:
        return Client(REMOTE_ADDR=address).post(f"/en/survey/{slug}/start/", {"anonymous": "1"})

    codes = [start(campaign.slug, f"198.51.100.{n}").status_code for n in range(1, 9)]

    assert codes == [HTTPStatus.FOUND] * 3 + [HTTPStatus.TOO_MANY_REQUESTS] * 5
    assert AnswerSet.objects.filter(campaign=campaign).count() == 3
    refused = start(campaign.slug, "198.51.100.9")
    assert "as many contributions as it can take" in refused.content.decode()
    assert start(other.slug, "198.51.100.10").status_code == HTTPStatus.FOUND  # its own ceiling
    [told] = OutgoingEmail.objects.filter(template="directory/emails/ceiling_reached")
    assert settings.DESK_EMAIL in told.to
    assert campaign.title_it in told.subject
    assert f"campaign__id__exact={campaign.pk}" in told.body

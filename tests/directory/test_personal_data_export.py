"""A member downloads everything the portal holds about them, and nothing else."""

import io
import json
import zipfile
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import timezone

from actionplan.models import Follower
from directory.models import Organisation, User
from survey.models import AnswerSet
from tests.actionplan.factories import ActionFactory
from tests.contactpoint.factories import AlertSubscriptionFactory
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories import AnswerFactory, AnswerSetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other() -> User:
    """Someone else, with records of every kind the member has."""
    person = UserFactory.create(email="rocco@example.org", first_name="Rocco", last_name="Sanna")
    OrganisationFactory.create(name="Fonderia Sanna", members=[person])
    EnquiryFactory.create(email=person.email, name="Rocco Sanna", subject="Rocco's question")
    AlertSubscriptionFactory.create(email=person.email)
    return person


def member_records(member: User, organisation: Organisation) -> None:
    member.privacy_consent_at = timezone.now()
    member.privacy_policy_version = "2026-01"
    member.save()
    EnquiryFactory.create(email=member.email, name="Marta Bruzzone", subject="Marta's question")
    AlertSubscriptionFactory.create(email=member.email)
    Follower.objects.create(action=ActionFactory.create(), email=member.email, language="it")
    answer_set = AnswerSetFactory.create(
        organisation=organisation,
        status=AnswerSet.Status.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=member,
    )
    AnswerFactory.create(answer_set=answer_set, text="We need a bigger workshop.")


def test_the_json_holds_every_kind_of_the_members_records_and_none_of_anyone_elses(
    client: Client, member: User, organisation: Organisation, other: User
) -> None:
    member_records(member, organisation)
    client.force_login(member)

    response = client.get("/en/account/my-data.json")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"][0]["email"] == "marta@example.org"
    assert data["consents"][0]["policy_version"] == "2026-01"
    assert [m["organisation"] for m in data["memberships"]] == ["Atelier Luce"]
    assert [e["subject"] for e in data["enquiries"]] == ["Marta's question"]
    assert [a["email"] for a in data["desk_alerts"]] == ["marta@example.org"]
    assert [f["email"] for f in data["actions_followed"]] == ["marta@example.org"]
    assert [a["text"] for a in data["survey_answers"]] == ["We need a bigger workshop."]
    text = response.content.decode()
    assert "rocco" not in text.lower()
    assert "Fonderia Sanna" not in text


def test_the_zip_has_one_csv_per_kind(
    client: Client, member: User, organisation: Organisation, other: User
) -> None:
    member_records(member, organisation)
    client.force_login(member)

    response = client.get("/en/account/my-data.zip")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"account.csv", "memberships.csv", "enquiries.csv", "desk_alerts.csv"} <= set(
        archive.namelist()
    )
    enquiries = archive.read("enquiries.csv").decode()
    assert "Marta's question" in enquiries
    assert "Rocco" not in enquiries
    every_file = "".join(archive.read(name).decode() for name in archive.namelist())
    assert "marta@example.org" in every_file
    assert "rocco@example.org" not in every_file


def test_the_account_page_links_both_downloads(client: Client, member: User) -> None:
    client.force_login(member)

    content = client.get("/en/account/").content.decode()

    assert 'href="/en/account/my-data.json"' in content
    assert 'href="/en/account/my-data.zip"' in content
    assert 'href="/en/account/delete/"' in content


@pytest.mark.parametrize("path", ["/en/account/my-data.json", "/en/account/my-data.zip"])
def test_downloads_need_a_login(client: Client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == HTTPStatus.FOUND
    assert "/login/" in response["Location"]

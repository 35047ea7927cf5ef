"""Confirming the email of a registration: the click, the link's life, resending."""

import re
import time
from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from creativecities.links.tokens import CONFIRMATION_MAX_AGE, confirmation_token
from directory.models import Organisation
from tests.directory.factories import UserFactory
from tests.directory.helpers import path_in_mail, register

pytestmark = pytest.mark.django_db


# --- confirming the email ----------------------------------------------------


@pytest.fixture
def desk_member(db: Any) -> Any:
    person = UserFactory(email="desk.person@example.org")
    person.groups.add(Group.objects.get(name="Desk staff"))
    return person


def test_confirmation_activates_logs_in_and_submits(
    client: Client, django_capture_on_commit_callbacks: Any, desk_member: Any, settings: Any
) -> None:
    settings.DESK_EMAIL = "sportello@example.org"
    UserFactory(email="former.desk@example.org", is_active=False).groups.add(
        Group.objects.get(name="Desk staff")
    )
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, follow=True)

    assert response.redirect_chain[-1][0] == "/en/account/"
    content = response.content.decode()
    assert "The desk will review" in content
    assert "Studio Città Vecchia" in content
    organisation = Organisation.objects.get()
    assert organisation.status == Organisation.Status.PENDING
    owner = organisation.members.get()
    assert owner.is_active
    assert int(client.session["_auth_user_id"]) == owner.pk
    desk_message = mail.outbox[-1]
    assert desk_message.to == ["sportello@example.org", "desk.person@example.org"]
    assert desk_message.subject == "Nuova organizzazione da esaminare: Studio Città Vecchia"
    assert f"/admin/directory/organisation/{organisation.pk}/change/" in desk_message.body
    assert "Anna Neri <anna.neri@example.org>" in desk_message.body


def test_opening_the_link_asks_for_a_click_and_changes_nothing(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(link)

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Confirm your email address</h1>" in content
    assert "<strong>anna.neri@example.org</strong>" in content
    assert '<form method="post">' in content
    assert 'name="csrfmiddlewaretoken"' in content
    assert '<button type="submit" class="btn btn-primary">Confirm my email address</button>' in (
        content
    )
    owner = Organisation.objects.get().members.get()
    assert not owner.is_active
    assert owner.last_login is None
    assert "_auth_user_id" not in client.session
    assert Organisation.objects.get().status == Organisation.Status.DRAFT
    assert len(mail.outbox) == 1


def test_a_mail_scanner_opening_the_link_first_leaves_it_working(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])
    scanner = Client(HTTP_USER_AGENT="LinkScanner/1.0")
    scanner.get(link)
    scanner.head(link)

    page = client.get(link)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)

    assert page.status_code == HTTPStatus.OK
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/en/account/"
    assert Organisation.objects.get().members.get().is_active
    assert Organisation.objects.get().status == Organisation.Status.PENDING


def test_the_confirmation_click_needs_the_pages_csrf_token(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])
    browser = Client(enforce_csrf_checks=True)

    forged = Client(enforce_csrf_checks=True).post(link)
    page = browser.get(link)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token
    clicked = browser.post(link, {"csrfmiddlewaretoken": token.group(1)})

    assert forged.status_code == HTTPStatus.FORBIDDEN
    assert clicked.status_code == HTTPStatus.FOUND
    assert Organisation.objects.get().members.get().is_active


def test_a_confirmation_link_works_once(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])
    client.post(link)

    opened = Client().get(link)
    clicked = Client().post(link)

    for response in (opened, clicked):
        assert response.status_code == HTTPStatus.GONE
        assert "already been used" in response.content.decode()
    assert Organisation.objects.get().status == Organisation.Status.PENDING


def test_the_same_person_following_the_link_again_lands_on_the_account(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])
    client.post(link)

    opened, clicked = client.get(link), client.post(link)

    for response in (opened, clicked):
        assert response.status_code == HTTPStatus.FOUND
        assert response.url == "/en/account/"


def test_a_tampered_link_is_refused_and_offers_a_new_one(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    link = path_in_mail(mail.outbox[0])

    response = client.get(link[:-6] + "AAAAA/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "not valid" in content
    assert 'action="/en/register/resend/"' in content
    assert not Organisation.objects.exclude(status=Organisation.Status.DRAFT).exists()


def test_an_expired_link_offers_a_new_one_in_one_click(
    client: Client, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    user = Organisation.objects.get().members.get()
    four_days_ago = time.time() - 4 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: four_days_ago)
    old_token = confirmation_token(user)
    monkeypatch.undo()

    response = client.get(f"/en/register/confirm/{old_token}/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.GONE
    assert f"links are valid for {CONFIRMATION_MAX_AGE.days} days" in content
    assert f'value="{old_token}"' in content
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/register/resend/", {"token": old_token})
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["anna.neri@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_in_mail(mail.outbox[1]))
    assert Organisation.objects.get().status == Organisation.Status.PENDING


def test_resending_says_the_same_whoever_asks(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")
    UserFactory(email="active@example.org")

    answers = []
    for email in ["anna.neri@example.org", "active@example.org", "nobody@example.org"]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/en/register/resend/", {"email": email}, follow=True)
        answers.append(
            [str(message) for message in response.context["messages"]]
            + [str(response.redirect_chain)]
        )

    assert answers[0] == answers[1] == answers[2]
    assert [message.to for message in mail.outbox] == [["anna.neri@example.org"]] * 2


def test_resend_with_a_bad_address_explains(client: Client) -> None:
    response = client.post("/en/register/resend/", {"email": "not-an-address"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Enter a valid email address." in response.content.decode()

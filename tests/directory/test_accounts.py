from http import HTTPStatus
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from creativecities.models import OutgoingEmail
from directory.models import User
from tests.directory.factories import UserFactory
from tests.directory.helpers import path_in_mail

pytestmark = pytest.mark.django_db


def test_user_is_created_with_a_normalised_email() -> None:
    user = User.objects.create_user("Maria.Rossi@Example.ORG", "a-long-password")

    assert user.email == "maria.rossi@example.org"
    assert user.check_password("a-long-password")
    assert not user.is_staff


def test_email_is_unique_whatever_its_case() -> None:
    from django.core.exceptions import ValidationError

    User.objects.create_user("anna@example.org", "pw-123456789")
    with pytest.raises(ValidationError):
        User.objects.create_user("ANNA@example.org", "pw-123456789")


def test_login_page_is_in_the_portal_look(client: Client) -> None:
    response = client.get("/it/accounts/login/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Accedi</h1>" in content
    assert 'for="id_username"' in content
    assert "csrfmiddlewaretoken" in content


def test_login_with_email_in_any_case(client: Client) -> None:
    UserFactory(email="luca@example.org")

    response = client.post(
        "/en/accounts/login/",
        {"username": "LUCA@example.org", "password": "a-long-test-password"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/en/"


def test_wrong_password_keeps_the_email_and_says_why(client: Client) -> None:
    UserFactory(email="luca@example.org")

    response = client.post(
        "/en/accounts/login/", {"username": "luca@example.org", "password": "wrong"}
    )

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "correct email address and password" in content
    assert 'value="luca@example.org"' in content


def test_logout_is_a_post(client: Client) -> None:
    client.force_login(UserFactory())

    assert client.get("/en/accounts/logout/").status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert client.post("/en/accounts/logout/").status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    UserFactory(email="giulia@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/password_reset/",
            {"email": "giulia@example.org"},
            headers={"host": "127.0.0.1:1"},
        )

    assert response.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1
    assert "127.0.0.1:1" not in mail.outbox[0].body  # the link is the site's, not the request's
    record = OutgoingEmail.objects.get()
    assert (record.to, record.status) == (["giulia@example.org"], OutgoingEmail.Status.SENT)
    reset_path = path_in_mail(
        mail.outbox[0], origin=settings.SITE_URL, path=r"/en/accounts/reset/\S+/"
    )
    form_page = client.get(reset_path, follow=True)
    assert "new_password1" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-long-pass-42", "new_password2": "another-long-pass-42"},
    )
    assert done.status_code == HTTPStatus.FOUND
    assert User.objects.get(email="giulia@example.org").check_password("another-long-pass-42")


def test_password_reset_for_unknown_address_reveals_nothing(client: Client) -> None:
    response = client.post("/en/accounts/password_reset/", {"email": "nobody@example.org"})

    assert response.status_code == HTTPStatus.FOUND
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_password_change_needs_a_login(client: Client) -> None:
    response = client.get("/it/accounts/password_change/")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith("/it/accounts/login/")


def test_the_database_refuses_two_accounts_differing_only_by_case() -> None:
    from django.db import IntegrityError, transaction

    User.objects.create_user("anna@example.org", "pw-123456789")
    with pytest.raises(IntegrityError), transaction.atomic():
        # A write that skips validation (a script, a bulk load) meets the database.
        User.objects.bulk_create([User(email="Anna@Example.org")])

"""The account deletion page: the password, then a choice per organisation."""

from http import HTTPStatus

import pytest
from django.test import Client

from directory.models import Membership, Organisation, User
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # UserFactory's


@pytest.fixture
def owned(member: User) -> Organisation:
    """Atelier Luce, owned by `member` alone, with a colleague as a member."""
    organisation = OrganisationFactory.create(
        name="Atelier Luce",
        members=[member, UserFactory.create(first_name="Luca", last_name="Rossi")],
    )
    Membership.objects.filter(user=member).update(role=Membership.Role.OWNER)
    return organisation


def test_the_page_asks_for_the_password_and_what_becomes_of_each_organisation(
    client: Client, member: User, owned: Organisation
) -> None:
    client.force_login(member)

    content = client.get("/en/account/delete/").content.decode()

    assert 'name="password"' in content
    assert "Atelier Luce" in content
    assert "Hand it over to Luca Rossi" in content
    assert "Archive it" in content


def test_a_wrong_password_deletes_nothing(
    client: Client, member: User, owned: Organisation
) -> None:
    client.force_login(member)

    response = client.post(
        "/en/account/delete/", {"password": "wrong", f"organisation_{owned.pk}": "archive"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "The password is not correct." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_the_right_password_deletes_the_account_and_logs_out(
    client: Client, member: User, owned: Organisation
) -> None:
    client.force_login(member)

    response = client.post(
        "/en/account/delete/",
        {"password": PASSWORD, f"organisation_{owned.pk}": "archive"},
        follow=True,
    )

    assert "Your account has been deleted" in response.content.decode()
    assert not User.objects.filter(pk=member.pk).exists()
    owned.refresh_from_db()
    assert owned.status == Organisation.Status.ARCHIVED
    assert client.get("/en/account/").status_code == HTTPStatus.FOUND  # to the login


def test_a_missing_choice_is_asked_again(client: Client, member: User, owned: Organisation) -> None:
    client.force_login(member)

    response = client.post("/en/account/delete/", {"password": PASSWORD})

    assert "Choose what happens to this organisation." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_the_page_needs_a_login(client: Client) -> None:
    response = client.get("/en/account/delete/")

    assert response.status_code == HTTPStatus.FOUND
    assert "/login/" in response["Location"]

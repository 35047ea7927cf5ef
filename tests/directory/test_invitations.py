"""Members invite colleagues by email; the invited accept with or without an account."""

import datetime
import importlib
import secrets
from http import HTTPStatus
from typing import Any

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.utils import timezone

from directory.models import Invitation, Membership, Organisation
from directory.models.memberships import InvitationQuerySet
from directory.services import invitations
from tests.directory.factories import UserFactory
from tests.directory.helpers import ago, path_in_mail

pytestmark = pytest.mark.django_db

PASSWORD = "lanterna-di-genova-77"


def invite(
    client: Client, capture: Any, email: str = "Luca@Example.org", language: str = "en"
) -> Any:
    with capture(execute=True):
        return client.post(f"/{language}/directory/atelier-luce/invite/", {"email": email})


# --- sending -----------------------------------------------------------------


def test_a_member_invites_a_colleague_by_email(
    client: Client, member: Any, organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(member)

    page = client.get("/en/directory/atelier-luce/invite/").content.decode()
    response = invite(client, django_capture_on_commit_callbacks)

    assert "Marta Bruzzone" in page
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/en/account/"
    invitation = Invitation.objects.get()
    assert invitation.email == "luca@example.org"
    assert invitation.invited_by == member
    assert invitation.expires_at == invitation.created_at + datetime.timedelta(days=14)
    message = mail.outbox[0]
    assert message.to == ["luca@example.org"]
    assert "Atelier Luce" in message.subject
    assert "Marta Bruzzone invites you" in message.body
    token = path_in_mail(path=r"/en/invitations/[\w-]{43}/").split("/")[-2]
    assert invitation.token_hash == Invitation.hash_token(token)


def test_the_database_never_holds_the_clear_token(
    client: Client, member: Any, organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(member)
    invite(client, django_capture_on_commit_callbacks)
    token = path_in_mail().split("/")[-2]

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM directory_invitation")
        rows = cursor.fetchall()

    assert len(rows) == 1
    assert Invitation.hash_token(token) in rows[0]
    assert token not in repr(rows)
    assert Client().get(f"/en/invitations/{token}/").status_code == HTTPStatus.OK


def test_inviting_again_replaces_the_open_invitation(
    client: Client, member: Any, organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(member)
    invite(client, django_capture_on_commit_callbacks)
    first_link = path_in_mail()
    Invitation.objects.update(created_at=ago(minutes=2))

    invite(client, django_capture_on_commit_callbacks, email="luca@example.org")

    invitation = Invitation.objects.get()
    assert len(mail.outbox) == 2
    assert path_in_mail() != first_link
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=13)
    invitee = Client()
    assert invitee.get(first_link).status_code == HTTPStatus.NOT_FOUND
    assert invitee.get(path_in_mail()).status_code == HTTPStatus.OK


def test_inviting_again_at_once_is_the_same_invitation(
    client: Client, member: Any, organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    """A double click sends one mail, and its link keeps working."""
    client.force_login(member)
    invite(client, django_capture_on_commit_callbacks)
    first = Invitation.objects.get()

    response = invite(client, django_capture_on_commit_callbacks, email="luca@example.org")

    assert response.status_code == HTTPStatus.FOUND
    assert Invitation.objects.get() == first
    assert len(mail.outbox) == 1
    assert Client().get(path_in_mail()).status_code == HTTPStatus.OK


def test_inviting_a_member_is_refused_clearly(
    client: Client, member: Any, organisation: Organisation
) -> None:
    colleague: Any = UserFactory(email="luca@example.org")
    Membership.objects.create(user=colleague, organisation=organisation)
    client.force_login(member)

    response = client.post("/en/directory/atelier-luce/invite/", {"email": "LUCA@example.org"})

    assert response.status_code == HTTPStatus.OK
    assert "luca@example.org is already a member of Atelier Luce." in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_only_members_invite(client: Client, organisation: Organisation) -> None:
    anonymous = client.get("/en/directory/atelier-luce/invite/")
    client.force_login(UserFactory())
    stranger = client.post("/en/directory/atelier-luce/invite/", {"email": "x@example.org"})

    assert anonymous.status_code == HTTPStatus.FOUND
    assert anonymous.url.startswith("/en/accounts/login/")
    assert stranger.status_code == HTTPStatus.NOT_FOUND
    assert not Invitation.objects.exists()
    with pytest.raises(PermissionDenied):
        invitations.invitation_send(
            organisation=organisation, email="x@example.org", by=UserFactory(), language="en"
        )


@pytest.mark.parametrize(
    "status",
    [Organisation.Status.DRAFT, Organisation.Status.PENDING, Organisation.Status.ARCHIVED],
)
def test_only_a_published_organisation_invites(
    client: Client,
    member: Any,
    organisation: Organisation,
    status: str,
    django_capture_on_commit_callbacks: Any,
) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(status=status)
    client.force_login(member)

    page = client.get("/en/directory/atelier-luce/invite/").content.decode()
    response = invite(client, django_capture_on_commit_callbacks)

    message = "Atelier Luce can invite colleagues once the desk has published it."
    assert message in page
    assert "Send the invitation" not in page
    assert message in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox
    organisation.refresh_from_db()
    with pytest.raises(ValidationError) as refusal:
        invitations.invitation_send(
            organisation=organisation, email="luca@example.org", by=member, language="en"
        )
    assert refusal.value.code == "not_published"


def test_a_published_organisation_shows_the_invitation_form(
    client: Client, member: Any, organisation: Organisation
) -> None:
    client.force_login(member)

    page = client.get("/en/directory/atelier-luce/invite/").content.decode()

    assert "Send the invitation" in page
    assert "once the desk has published it" not in page


# --- accepting ---------------------------------------------------------------


@pytest.fixture
def invitation(
    organisation: Organisation, member: Any, django_capture_on_commit_callbacks: Any
) -> Invitation:
    with django_capture_on_commit_callbacks(execute=True):
        return invitations.invitation_send(
            organisation=organisation, email="luca@example.org", by=member, language="en"
        )


@pytest.fixture
def invitation_link(invitation: Invitation) -> str:
    """The path of the link emailed with `invitation`: only the mail has its token."""
    return path_in_mail(path=r"/en/invitations/[\w-]+/")


def test_a_logged_in_invitee_joins_with_one_click(
    client: Client, invitation: Invitation, invitation_link: str
) -> None:
    luca: Any = UserFactory(email="Luca@example.org")
    client.force_login(luca)
    url = invitation_link

    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    assert "Join Atelier Luce" in page.content.decode()
    response = client.post(url, follow=True)

    assert response.redirect_chain == [("/en/account/", HTTPStatus.FOUND)]
    assert "you are now a member of Atelier Luce" in response.content.decode()
    assert Membership.objects.get(user=luca).role == Membership.Role.MEMBER
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_a_newcomer_creates_an_active_account_on_the_invitation_page(
    client: Client, invitation_link: str
) -> None:
    url = invitation_link

    page = client.get(url).content.decode()
    assert 'name="password1"' in page and "luca@example.org" in page
    response = client.post(
        url,
        {"first_name": "Luca", "last_name": "Parodi", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == HTTPStatus.FOUND
    luca = Membership.objects.get(user__email="luca@example.org").user
    assert luca.email == "luca@example.org"
    assert luca.is_active
    assert luca.check_password(PASSWORD)
    assert int(client.session["_auth_user_id"]) == luca.pk


def test_a_newcomers_bad_password_keeps_the_name(client: Client, invitation_link: str) -> None:
    response = client.post(
        invitation_link,
        {"first_name": "Luca", "last_name": "Parodi", "password1": "luca", "password2": "luca"},
    )

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'value="Luca"' in content and 'value="Parodi"' in content
    assert "too short" in content
    assert not Membership.objects.filter(user__email="luca@example.org").exists()


def test_someone_with_an_account_is_asked_to_log_in(client: Client, invitation_link: str) -> None:
    UserFactory(email="luca@example.org")
    url = invitation_link

    response = client.get(url)
    post = client.post(url, {"first_name": "X", "last_name": "Y", "password1": PASSWORD})

    content = response.content.decode()
    assert "log in to accept" in content
    assert f'href="/en/accounts/login/?next={url}"' in content
    assert 'name="password1"' not in content
    assert post.status_code == HTTPStatus.OK
    assert not Membership.objects.filter(user__email="luca@example.org").exists()


def test_the_wrong_person_logged_in_is_told_clearly(client: Client, invitation_link: str) -> None:
    client.force_login(UserFactory(email="someone.else@example.org"))
    url = invitation_link

    page = client.get(url)
    post = client.post(url)

    assert page.status_code == post.status_code == HTTPStatus.FORBIDDEN
    content = page.content.decode()
    assert "sent to luca@example.org" in content
    assert "logged in as someone.else@example.org" in content
    assert not Membership.objects.filter(user__email="luca@example.org").exists()


def test_used_expired_and_unknown_invitations_get_a_clear_page(
    client: Client, invitation: Invitation, invitation_link: str
) -> None:
    luca = UserFactory(email="luca@example.org")
    client.force_login(luca)
    url = invitation_link
    client.post(url)

    used = client.get(url)
    Invitation.objects.filter(pk=invitation.pk).update(
        accepted_at=None, created_at=timezone.now() - datetime.timedelta(days=15)
    )
    expired = client.post(url)
    unknown = client.get("/en/invitations/not-a-token/")

    assert used.status_code == HTTPStatus.GONE
    assert "already been accepted" in used.content.decode()
    assert expired.status_code == HTTPStatus.GONE
    assert "has expired" in expired.content.decode()
    assert unknown.status_code == HTTPStatus.NOT_FOUND
    assert "not valid" in unknown.content.decode()


def test_an_expired_invitation_states_how_long_invitations_last(
    client: Client, invitation: Invitation, invitation_link: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Invitation, "VALID_FOR", datetime.timedelta(days=30))
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )

    response = client.get(invitation_link)

    assert response.status_code == HTTPStatus.GONE
    assert "invitations are valid for 30 days" in response.content.decode()


@pytest.mark.usefixtures("english")
def test_accept_service_checks_the_invitation(invitation: Invitation) -> None:
    with pytest.raises(ValidationError, match="another email address"):
        invitations.invitation_accept(invitation=invitation, user=UserFactory())
    invitations.invitation_accept(
        invitation=invitation, first_name="Luca", last_name="Parodi", password=PASSWORD
    )
    with pytest.raises(ValidationError, match="already been used"):
        invitations.invitation_accept(invitation=invitation, first_name="L", password=PASSWORD)


def test_a_guessed_or_altered_token_opens_nothing(
    client: Client, invitation: Invitation, invitation_link: str
) -> None:
    token = invitation_link.split("/")[-2]
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")

    answers = {
        candidate: client.get(f"/en/invitations/{candidate}/")
        for candidate in [secrets.token_urlsafe(32), altered, invitation.token_hash]
    }

    assert client.get(invitation_link).status_code == HTTPStatus.OK
    for candidate, response in answers.items():
        assert response.status_code == HTTPStatus.NOT_FOUND, candidate
        assert "Atelier Luce" not in response.content.decode()
    luca: Any = UserFactory(email="luca@example.org")
    client.force_login(luca)
    assert client.post(f"/en/invitations/{altered}/").status_code == HTTPStatus.NOT_FOUND
    assert not Membership.objects.filter(user=luca).exists()


def test_a_double_click_on_join_answers_clearly(
    client: Client, invitation: Invitation, invitation_link: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second of two clicks, read before the first was accepted, is told the
    invitation is used: no error page."""
    luca: Any = UserFactory(email="luca@example.org")
    client.force_login(luca)
    read_by_the_second_click = Invitation.objects.select_related("organisation").get()
    invitations.invitation_accept(invitation=invitation, user=luca)
    monkeypatch.setattr(
        InvitationQuerySet, "by_token", lambda self, token: read_by_the_second_click
    )

    response = client.post(invitation_link)

    assert response.status_code == HTTPStatus.GONE
    assert "already been accepted" in response.content.decode()
    assert Membership.objects.filter(user=luca).count() == 1


def test_invitations_sent_before_hashing_keep_working(
    client: Client, organisation: Organisation, member: Any
) -> None:
    """The data migration turns each stored token into its hash."""
    migration = importlib.import_module("directory.migrations.0016_invitation_token_hashed")
    old_token = secrets.token_urlsafe(32)
    Invitation.objects.create(
        organisation=organisation, email="luca@example.org", token_hash=old_token, invited_by=member
    )

    migration.hash_tokens(apps, None)

    assert Invitation.objects.get().token_hash == Invitation.hash_token(old_token)
    page = client.get(f"/en/invitations/{old_token}/")
    assert page.status_code == HTTPStatus.OK
    assert "Join Atelier Luce" in page.content.decode()

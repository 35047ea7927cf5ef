"""The member's account page, the header's links and "Still accurate"."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from directory.models import Membership, Organisation
from directory.services import organisations
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_account_needs_a_login(client: Client) -> None:
    response = client.get("/en/account/")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/en/accounts/login/?next=/en/account/"


def test_account_lists_the_members_organisations_with_status(client: Client, member: Any) -> None:
    published = OrganisationFactory(name="Atelier Luce", members=[member])
    pending = OrganisationFactory(
        name="Teatro Nuovo", status=Organisation.Status.PENDING, members=[member]
    )
    rejected = OrganisationFactory(
        name="Edizioni Vento",
        status=Organisation.Status.REJECTED,
        rejection_reason="The description is missing.",
        members=[member],
    )
    OrganisationFactory(name="Someone Else's Studio")
    client.force_login(member)

    response = client.get("/en/account/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert [org.name for org in response.context["organisations"]] == [
        "Atelier Luce",
        "Edizioni Vento",
        "Teatro Nuovo",
    ]
    assert "Someone Else" not in content
    assert "portal-status-published" in content and ">Published<" in content
    assert "portal-status-pending" in content and "Pending approval" in content
    assert "The description is missing." in content
    for organisation in (published, pending, rejected):
        assert f'href="/en/directory/{organisation.slug}/edit/"' in content
        assert f'href="/en/directory/{organisation.slug}/invite/"' in content
    assert f'action="/en/directory/{published.slug}/confirm/"' in content
    assert f'action="/en/directory/{pending.slug}/confirm/"' not in content
    assert 'href="/en/accounts/password_change/"' in content
    assert timezone.localdate(published.confirmed_at).strftime("%Y") in content


def test_account_shows_the_role_and_when_a_profile_needs_confirming(
    client: Client, member: Any
) -> None:
    organisation: Any = OrganisationFactory(
        confirmed_at=timezone.now() - datetime.timedelta(days=400)
    )
    Membership.objects.create(user=member, organisation=organisation, role="owner")
    lapsed = OrganisationFactory(
        confirmed_at=timezone.now() - datetime.timedelta(days=600), members=[member]
    )
    client.force_login(member)

    content = client.get("/en/account/").content.decode()

    assert "You registered it" in content and "You are a member" in content
    assert "A year has passed since the profile was last confirmed" in content
    assert "Hidden: confirm it is current" in content
    assert not lapsed.is_public


def test_the_lapse_message_follows_the_lapse_rule(
    client: Client, member: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Organisation, "LAPSE_AFTER", datetime.timedelta(days=365))
    OrganisationFactory(
        members=[member], confirmed_at=timezone.now() - datetime.timedelta(days=400)
    )
    client.force_login(member)

    content = client.get("/en/account/").content.decode()

    assert "because nobody confirmed it for 12 months" in content


def test_a_rejected_profile_shows_the_reason_and_what_to_do(client: Client, member: Any) -> None:
    organisation = OrganisationFactory(
        status=Organisation.Status.REJECTED,
        rejection_reason="The description is missing.",
        members=[member],
    )
    client.force_login(member)

    account = client.get("/en/account/").content.decode()
    edit = client.get(f"/en/directory/{organisation.slug}/edit/").content.decode()

    for content, next_step in [
        (account, "Edit the profile and submit it again."),
        (edit, "Change what is needed, then choose “Submit again”."),
    ]:
        assert "The desk did not approve the profile. Their reason:" in content
        assert '<p class="mb-1">The description is missing.</p>' in content
        assert f'<p class="mb-0">{next_step}</p>' in content
        assert "Last confirmed as current:" in content


def test_account_empty_state_helps(client: Client, member: Any) -> None:
    client.force_login(member)

    content = client.get("/en/account/").content.decode()

    assert "You are not a member of any organisation yet." in content
    assert 'href="/en/register/"' in content


def test_header_links_to_the_account_when_logged_in(client: Client, member: Any) -> None:
    client.force_login(member)

    content = client.get("/en/").content.decode()

    assert 'class="portal-account-link" href="/en/account/"' in content
    assert "Log out" in content
    assert "portal-register-link" not in content


def test_header_and_home_offer_registration_to_visitors(client: Client) -> None:
    content = client.get("/it/").content.decode()

    assert 'class="portal-register-link d-none d-sm-inline"' in content
    assert content.count('href="/it/register/"') == 2
    assert 'href="/it/accounts/login/' in content


# --- "Still accurate" ---------------------------------------------------------


def test_still_accurate_confirms_and_restarts_the_reminders(client: Client, member: Any) -> None:
    long_ago = timezone.now() - datetime.timedelta(days=600)
    organisation = OrganisationFactory(
        members=[member],
        confirmed_at=long_ago,
        reminder_sent_at=long_ago,
        lapse_notified_at=long_ago,
    )
    client.force_login(member)

    response = client.post(
        f"/en/directory/{organisation.slug}/confirm/", {"next": "/en/account/"}, follow=True
    )

    assert response.redirect_chain == [("/en/account/", HTTPStatus.FOUND)]
    assert "is confirmed as current" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert organisation.reminder_sent_at is None
    assert organisation.lapse_notified_at is None
    assert organisation.is_public
    assert organisation.status == Organisation.Status.PUBLISHED


def test_still_accurate_never_redirects_elsewhere(client: Client, member: Any) -> None:
    organisation = OrganisationFactory(members=[member])
    client.force_login(member)

    response = client.post(
        f"/en/directory/{organisation.slug}/confirm/", {"next": "https://evil.example/"}
    )

    assert response.url == "/en/account/"


def test_still_accurate_is_a_post_for_members_only(client: Client, member: Any) -> None:
    long_ago = timezone.now() - datetime.timedelta(days=600)
    organisation = OrganisationFactory(confirmed_at=long_ago)
    url = f"/en/directory/{organisation.slug}/confirm/"

    anonymous = client.post(url)
    client.force_login(member)
    stranger = client.post(url)
    as_get = client.get(url)

    assert anonymous.status_code == HTTPStatus.FOUND
    assert anonymous.url.startswith("/en/accounts/login/")
    assert stranger.status_code == HTTPStatus.NOT_FOUND
    assert as_get.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    organisation.refresh_from_db()
    assert organisation.confirmed_at == long_ago


def test_confirm_current_service_refuses_non_members() -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        organisations.organisation_confirm_current(
            organisation=OrganisationFactory(), by=UserFactory()
        )


def test_account_links_every_profile_as_a_preview_until_public(client: Client, member: Any) -> None:
    public = OrganisationFactory(name="Atelier Luce", members=[member])
    pending = OrganisationFactory(
        name="Teatro Nuovo", status=Organisation.Status.PENDING, members=[member]
    )
    lapsed = OrganisationFactory(
        name="Vecchio Studio",
        members=[member],
        confirmed_at=timezone.now() - datetime.timedelta(days=600),
    )
    client.force_login(member)

    content = client.get("/en/account/").content.decode()

    for organisation, label in [(public, "View"), (pending, "Preview"), (lapsed, "Preview")]:
        link = (
            f'<a href="/en/directory/{organisation.slug}/">{label}'
            f'<span class="visually-hidden"> {organisation.name}</span></a>'
        )
        assert link in content, organisation.name
        preview = client.get(f"/en/directory/{organisation.slug}/")
        assert preview.status_code == HTTPStatus.OK
        assert ("Preview: this profile is not public." in preview.content.decode()) is (
            label == "Preview"
        )

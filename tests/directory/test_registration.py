"""Registering an account and its organisation; the services behind it."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from directory.models import Membership, Organisation, Sector, User
from directory.services import accounts, moderation, organisations
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import REGISTRATION_PASSWORD as PASSWORD
from tests.directory.helpers import path_in_mail, register, registration_form_data

pytestmark = pytest.mark.django_db


# --- the page and the form ---------------------------------------------------


def test_register_page_has_both_fieldsets_and_a_privacy_link(client: Client) -> None:
    response = client.get("/en/register/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<legend" in content and "Your account" in content and "Your organisation" in content
    assert 'href="/en/privacy/"' in content
    assert 'name="organisation-sectors"' in content and 'type="checkbox"' in content


def test_registration_creates_an_inactive_owner_and_a_draft(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    response = register(client, django_capture_on_commit_callbacks)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/it/register/done/"
    organisation = Organisation.objects.get()
    assert organisation.status == Organisation.Status.DRAFT
    assert organisation.slug == "studio-citta-vecchia"
    assert set(organisation.sectors.values_list("slug", flat=True)) == {"design", "advertising"}
    assert organisation.vat_number == "01234567897"
    assert organisation.ateco_code == "74.12"
    assert organisation.website == "https://studiocitta.example.it"
    assert organisation.open_to_international
    membership = Membership.objects.get()
    assert membership.role == Membership.Role.OWNER
    assert membership.user.email == "anna.neri@example.org"
    assert not membership.user.is_active
    assert membership.user.check_password(PASSWORD)
    assert organisation.versions.count() == 1


def test_the_confirmation_email_is_in_the_pages_language(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna.neri@example.org"]
    assert "Confirm your email address" in message.subject
    assert path_in_mail(message).startswith("/en/register/confirm/")


def test_register_done_says_what_happens_next(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")

    content = client.get("/en/register/done/").content.decode()
    assert "anna.neri@example.org" in content
    assert "What happens next" in content
    assert "3 days" in content


def test_bad_input_keeps_what_was_typed_but_the_passwords(client: Client) -> None:
    response = client.post(
        "/en/register/",
        registration_form_data(
            **{"password2": "something-else-entirely", "organisation-vat_number": "123"}
        ),
    )

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "The two passwords differ" in content
    assert "eleven digits" in content
    assert 'value="Anna.Neri@Example.org"' in content
    assert 'value="Studio Città Vecchia"' in content
    assert "Grafica e identità visive per la cultura." in content
    advertising = Sector.objects.get(slug="advertising").pk
    assert re.search(rf'value="{advertising}"[^>]*checked', content)
    assert PASSWORD not in content
    assert not Organisation.objects.exists()


def test_passwords_go_through_djangos_validators(client: Client) -> None:
    response = client.post(
        "/en/register/", registration_form_data(password1="12345678", password2="12345678")
    )

    content = response.content.decode()
    assert "This password is too common." in content
    assert 'aria-invalid="true"' in content


def test_privacy_consent_is_required(client: Client) -> None:
    response = client.post("/en/register/", registration_form_data(privacy=None))

    assert "To register, accept the privacy notice." in response.content.decode()


def without_csrf(content: bytes) -> str:
    """A page as text, its per-request CSRF tokens blanked, to compare two answers."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


def test_registration_answers_the_same_for_a_new_and_an_existing_address(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    new = register(client, django_capture_on_commit_callbacks, language="en")
    new_done = without_csrf(client.get("/en/register/done/").content)
    Organisation.objects.all().delete()
    User.objects.update(is_active=True, last_login=timezone.now())  # confirmed, in use
    somebody = Client()

    existing = register(
        somebody,
        django_capture_on_commit_callbacks,
        language="en",
        password1="another-harbour-99",
        password2="another-harbour-99",
    )
    existing_done = without_csrf(somebody.get("/en/register/done/").content)

    assert (new.status_code, new.url) == (existing.status_code, existing.url)
    assert new.url == "/en/register/done/"
    assert new_done == existing_done
    assert "anna.neri@example.org" in new_done
    assert not Organisation.objects.exists()  # nothing made for the existing account
    assert [message.to for message in mail.outbox] == [["anna.neri@example.org"]] * 2
    confirm, exists = mail.outbox
    assert "Confirm your email address" in confirm.subject
    assert "You already have an account" in exists.subject
    assert "An account with this address already exists" in exists.body
    assert f"{settings.SITE_URL}/en/accounts/login/" in exists.body
    assert f"{settings.SITE_URL}/en/accounts/password_reset/" in exists.body
    assert "/register/confirm/" not in exists.body
    assert User.objects.get().check_password(PASSWORD)  # the typed password changed nothing


def test_registering_again_before_confirming_sends_a_new_link(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    register(client, django_capture_on_commit_callbacks, language="en")

    response = register(client, django_capture_on_commit_callbacks, language="en")

    assert response.url == "/en/register/done/"
    assert Organisation.objects.count() == 1
    assert [message.subject for message in mail.outbox] == [mail.outbox[0].subject] * 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_in_mail(mail.outbox[1]))
    assert Organisation.objects.get().status == Organisation.Status.PENDING


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation-ateco_code", "99.99.99", "not an ATECO 2025 code"),
        ("organisation-phone", "call me", "Enter a phone number"),
        ("organisation-short_description_it", "", "This field is required."),
        ("organisation-kind", "", "This field is required."),
    ],
)
def test_organisation_fields_are_checked(
    client: Client, field: str, value: str, message: str
) -> None:
    response = client.post("/en/register/", registration_form_data(**{field: value}))

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()


def test_english_description_is_optional(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    response = register(
        client, django_capture_on_commit_callbacks, **{"organisation-short_description_en": ""}
    )

    assert response.status_code == HTTPStatus.FOUND


def test_slugs_are_unique_and_avoid_directory_pages(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    OrganisationFactory(name="Studio Città Vecchia", slug="studio-citta-vecchia")

    register(client, django_capture_on_commit_callbacks)

    assert Organisation.objects.filter(slug="studio-citta-vecchia-2").exists()
    assert organisations.organisation_unique_slug("Map") == "map-2"
    assert organisations.organisation_unique_slug("!!!") == "organisation"


def test_logged_in_member_registers_a_further_organisation(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    user: Any = UserFactory()
    client.force_login(user)

    page = client.get("/en/register/").content.decode()
    assert "Your organisation</legend>" in page
    assert "Your account</legend>" not in page
    data = {k: v for k, v in registration_form_data().items() if k.startswith("organisation-")}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/register/", data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/en/account/"
    organisation = Organisation.objects.get()
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.memberships.get().user == user
    assert [m.subject for m in mail.outbox] == [
        "Nuova organizzazione da esaminare: Studio Città Vecchia"
    ]


# --- the services, directly --------------------------------------------------


def test_register_service_creates_nothing_for_an_existing_address(
    django_capture_on_commit_callbacks: Any,
) -> None:
    UserFactory(email="anna.neri@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        created = accounts.organisation_register(
            email="ANNA.NERI@example.org",
            password=PASSWORD,
            first_name="Anna",
            last_name="Neri",
            organisation_data={},
            language="it",
        )

    assert created is None
    assert not Organisation.objects.exists()
    assert [message.to for message in mail.outbox] == [["anna.neri@example.org"]]
    assert "/it/accounts/password_reset/" in mail.outbox[0].body


def test_submit_accepts_only_drafts_and_rejected_profiles() -> None:
    owner = UserFactory()
    published = OrganisationFactory(members=[owner])
    with pytest.raises(moderation.OrganisationStateError):
        moderation.organisation_submit(organisation=published, by=owner)
    assert published.status == Organisation.Status.PUBLISHED


def test_only_a_member_may_submit_a_profile() -> None:
    owner = UserFactory()
    draft = OrganisationFactory(
        status=Organisation.Status.DRAFT, published_at=None, members=[owner]
    )
    with pytest.raises(PermissionDenied):
        moderation.organisation_submit(organisation=draft, by=UserFactory())
    draft.refresh_from_db()
    assert draft.status == Organisation.Status.DRAFT

    moderation.organisation_submit(organisation=draft, by=owner)

    assert Organisation.objects.get(pk=draft.pk).status == Organisation.Status.PENDING
    assert draft.state_changes.get().created_by == owner


def test_submitting_a_rejected_profile_tells_the_desk_it_is_back(
    django_capture_on_commit_callbacks: Any,
) -> None:
    owner = UserFactory()
    organisation = OrganisationFactory(
        status=Organisation.Status.REJECTED,
        rejection_reason="Manca la descrizione.",
        members=[owner],
    )

    with django_capture_on_commit_callbacks(execute=True):
        moderation.organisation_submit(organisation=organisation, by=owner)

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING
    assert mail.outbox[0].subject.startswith("Profilo inviato di nuovo")


def test_unknown_profile_fields_are_refused() -> None:
    with pytest.raises(ValueError, match="status"):
        organisations.organisation_update(
            organisation=OrganisationFactory(),
            data={"status": Organisation.Status.PUBLISHED},
            by=UserFactory(),
        )


def test_registration_records_the_consent_and_the_notices_version(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    before = timezone.now()

    register(client, django_capture_on_commit_callbacks, language="en")

    user = User.objects.get()
    assert user.privacy_consent_at is not None
    assert user.privacy_consent_at >= before
    assert user.privacy_policy_version == settings.PRIVACY_POLICY_VERSION

"""Moderation services: approve, reject and archive, with the members told."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from directory.models import Organisation
from directory.services.moderation import (
    OrganisationStateError,
    organisation_approve,
    organisation_archive,
    organisation_reject,
    organisation_restore,
)
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_approving_publishes_and_tells_the_members_in_both_languages(
    pending, staff_user, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(organisation=pending, by=staff_user)

    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PUBLISHED
    assert pending.published_at is not None
    assert timezone.now() - pending.confirmed_at < datetime.timedelta(minutes=1)
    assert pending.is_public
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org", "bruno@example.org"]
    assert "Officina Grafica" in message.subject
    assert "Il tuo profilo è pubblicato" in message.subject
    assert "Your profile is published" in message.subject
    assert "è pubblicato nell'elenco di Creative Cities" in message.body
    assert "is published in the Creative Cities directory" in message.body
    assert "/it/account/" in message.body and "/en/account/" in message.body


def test_approving_keeps_the_first_publication_date(pending, staff_user) -> None:
    first = timezone.now() - datetime.timedelta(days=400)
    pending.published_at = first
    pending.save()

    organisation_approve(organisation=pending, by=staff_user)

    pending.refresh_from_db()
    assert pending.published_at == first


def test_only_pending_organisations_can_be_approved(staff_user) -> None:
    published = OrganisationFactory.create(name="Già Pubblicata")

    with pytest.raises(OrganisationStateError, match="Già Pubblicata cannot be approved"):
        organisation_approve(organisation=published, by=staff_user)


def test_approval_rereads_the_status_before_acting(pending, staff_user) -> None:
    stale_copy = Organisation.objects.get(pk=pending.pk)
    organisation_approve(organisation=pending, by=staff_user)

    with pytest.raises(OrganisationStateError):
        organisation_approve(organisation=stale_copy, by=staff_user)


def test_rejecting_stores_the_reason_and_sends_it_to_the_members(
    pending, staff_user, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        organisation_reject(
            organisation=pending, by=staff_user, reason="  The website does not work.  "
        )

    pending.refresh_from_db()
    assert pending.status == Organisation.Status.REJECTED
    assert pending.rejection_reason == "The website does not work."
    assert not pending.is_public
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org", "bruno@example.org"]
    assert "The website does not work." in mail.outbox[0].body
    assert "Your profile was not published" in mail.outbox[0].subject


def test_a_rejection_needs_a_reason(pending, staff_user) -> None:
    with pytest.raises(ValidationError):
        organisation_reject(organisation=pending, by=staff_user, reason="   ")

    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


def test_only_pending_organisations_can_be_rejected(staff_user) -> None:
    with pytest.raises(OrganisationStateError, match="only pending organisations"):
        organisation_reject(
            organisation=OrganisationFactory.create(), by=staff_user, reason="Not creative."
        )


def test_nothing_is_sent_when_the_approval_rolls_back(
    pending, staff_user, django_capture_on_commit_callbacks
) -> None:
    pending.website = "not a url"
    pending.save()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        organisation_approve(organisation=pending, by=staff_user)

    assert mail.outbox == []
    assert Organisation.objects.get(pk=pending.pk).status == Organisation.Status.PENDING


def test_inactive_members_are_not_written_to(staff_user, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory.create(
        status=Organisation.Status.PENDING,
        members=[UserFactory(email="active@example.org"), UserFactory(is_active=False)],
    )

    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(organisation=organisation, by=staff_user)

    assert mail.outbox[0].to == ["active@example.org"]


def test_archiving_a_published_profile_hides_it_and_tells_the_members(
    staff_user, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory.create(members=[UserFactory(email="carla@example.org")])

    with django_capture_on_commit_callbacks(execute=True):
        organisation_archive(organisation=organisation, by=staff_user)

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ARCHIVED
    assert organisation not in Organisation.objects.published()
    assert mail.outbox[0].to == ["carla@example.org"]


def test_archiving_a_rejected_profile_sends_nothing(
    staff_user, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory.create(
        status=Organisation.Status.REJECTED,
        rejection_reason="Duplicate.",
        members=[UserFactory()],
    )

    with django_capture_on_commit_callbacks(execute=True):
        organisation_archive(organisation=organisation, by=staff_user)

    assert Organisation.objects.get(pk=organisation.pk).status == Organisation.Status.ARCHIVED
    assert mail.outbox == []


@pytest.mark.parametrize("status", [Organisation.Status.PENDING, Organisation.Status.ARCHIVED])
def test_pending_and_archived_profiles_cannot_be_archived(staff_user, status) -> None:
    with pytest.raises(OrganisationStateError, match="cannot be archived"):
        organisation_archive(organisation=OrganisationFactory.create(status=status), by=staff_user)


def test_an_archived_profile_comes_back_published_and_the_members_are_told(
    staff_user, django_capture_on_commit_callbacks
) -> None:
    organisation = OrganisationFactory.create(
        members=[UserFactory(email="carla@example.org")],
        confirmed_at=timezone.now() - datetime.timedelta(days=600),
    )
    organisation_archive(organisation=organisation, by=staff_user)

    with django_capture_on_commit_callbacks(execute=True):
        organisation_restore(organisation=organisation, by=staff_user)

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED
    assert organisation in Organisation.objects.published()
    assert mail.outbox[-1].to == ["carla@example.org"]


def test_a_never_published_profile_comes_back_rejected(staff_user) -> None:
    organisation = OrganisationFactory.create(
        status=Organisation.Status.REJECTED, rejection_reason="Duplicate.", published_at=None
    )
    organisation_archive(organisation=organisation, by=staff_user)

    organisation_restore(organisation=organisation, by=staff_user)

    assert Organisation.objects.get(pk=organisation.pk).status == Organisation.Status.REJECTED


def test_only_archived_profiles_can_be_restored(staff_user) -> None:
    with pytest.raises(OrganisationStateError, match="cannot be restored"):
        organisation_restore(organisation=OrganisationFactory.create(), by=staff_user)


def test_the_approval_email_states_the_lapse_period_the_code_applies(
    staff_user, pending, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    monkeypatch.setattr(Organisation, "LAPSE_AFTER", datetime.timedelta(days=730))

    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(organisation=pending, by=staff_user)

    assert "nobody confirms for 24 months" in mail.outbox[0].body
    assert "conferma per 24 mesi" in mail.outbox[0].body

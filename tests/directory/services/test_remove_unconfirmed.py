"""The daily removal of registrations whose email address was never confirmed."""

from typing import Any

import pytest
from django.core.management import CommandError

from creativecities.models import StateChange, Version
from directory.models import Membership, Organisation, User
from directory.services import accounts
from tests.directory.factories import OrganisationFactory, OutgoingEmailFactory, UserFactory
from tests.directory.helpers import ago, run_command

pytestmark = pytest.mark.django_db


def unconfirmed_registration(email: str, days: float, **user: Any) -> Organisation:
    """An account and its draft, as registering leaves them, `days` ago."""
    person = UserFactory.create(
        **{"email": email, "is_active": False, "date_joined": ago(days=days), **user}
    )
    draft = OrganisationFactory.create(
        name=f"Draft of {email}", status=Organisation.Status.DRAFT, published_at=None
    )
    Membership.objects.create(user=person, organisation=draft, role=Membership.Role.OWNER)
    return draft


def test_old_unconfirmed_registrations_go_with_their_drafts_and_history(
    django_capture_on_commit_callbacks: Any,
) -> None:
    draft = unconfirmed_registration("forgot@example.org", days=8)
    StateChange.objects.create(
        content_object=draft, transition="note", source="draft", target="draft"
    )
    assert Version.objects.filter(object_id=draft.pk).exists()
    kept = OrganisationFactory.create(name="Atelier Luce")

    output = run_command(django_capture_on_commit_callbacks, "directory_remove_unconfirmed")

    assert not User.objects.filter(email="forgot@example.org").exists()
    assert not Organisation.objects.filter(pk=draft.pk).exists()
    assert not Version.objects.filter(object_id=draft.pk).exists()
    assert not StateChange.objects.filter(object_id=draft.pk).exists()
    assert Version.objects.filter(object_id=kept.pk).exists()
    assert "Removed forgot@example.org" in output
    assert "Draft of forgot@example.org" in output
    assert "Removed 1 unconfirmed registration(s) older than 7 days." in output


def test_nothing_else_is_removed(django_capture_on_commit_callbacks: Any) -> None:
    unconfirmed_registration("forgot@example.org", days=8)
    unconfirmed_registration("active@example.org", days=30, is_active=True)
    unconfirmed_registration("recent@example.org", days=5)
    unconfirmed_registration("staff@example.org", days=30, is_staff=True)
    unconfirmed_registration("logged.in@example.org", days=30, last_login=ago(days=20))
    unconfirmed_registration("asked.again@example.org", days=30)
    OutgoingEmailFactory.create(
        to=["asked.again@example.org"],
        template="directory/emails/confirm_email",
        created_at=ago(days=1),
    )
    confirmed: Any = UserFactory.create(email="confirmed@example.org", date_joined=ago(days=30))
    OrganisationFactory.create(
        name="Confirmed draft",
        status=Organisation.Status.DRAFT,
        published_at=None,
        members=[confirmed],
    )
    waiting: Any = UserFactory.create(
        email="pending@example.org", is_active=False, date_joined=ago(days=30)
    )
    OrganisationFactory.create(
        name="Pending profile",
        status=Organisation.Status.PENDING,
        published_at=None,
        members=[waiting],
    )
    shared = unconfirmed_registration("shared@example.org", days=30)
    Membership.objects.create(user=UserFactory.create(), organisation=shared)
    both = unconfirmed_registration("two@example.org", days=30)
    OrganisationFactory.create(name="Published too", members=[both.members.get()])

    output = run_command(django_capture_on_commit_callbacks, "directory_remove_unconfirmed")

    assert "Removed 1 unconfirmed registration(s)" in output
    assert not User.objects.filter(email="forgot@example.org").exists()
    for name in [
        "active",
        "recent",
        "staff",
        "logged.in",
        "asked.again",
        "confirmed",
        "pending",
        "shared",
        "two",
    ]:
        assert User.objects.filter(email=f"{name}@example.org").exists(), name
    assert Organisation.objects.filter(name__startswith="Draft of").count() == 7
    assert (
        Organisation.objects.filter(
            name__in=["Confirmed draft", "Pending profile", "Published too"]
        ).count()
        == 3
    )


def test_the_period_is_configurable_but_never_shorter_than_a_link(
    django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    unconfirmed_registration("ten.days@example.org", days=10)
    unconfirmed_registration("twenty.days@example.org", days=20)
    settings.UNCONFIRMED_DRAFTS_DAYS = 14

    dry = run_command(
        django_capture_on_commit_callbacks, "directory_remove_unconfirmed", "--dry-run"
    )
    assert "Would remove twenty.days@example.org" in dry
    assert User.objects.filter(email="twenty.days@example.org").exists()
    output = run_command(django_capture_on_commit_callbacks, "directory_remove_unconfirmed")
    assert "older than 14 days" in output

    assert not User.objects.filter(email="twenty.days@example.org").exists()
    assert User.objects.filter(email="ten.days@example.org").exists()
    with pytest.raises(CommandError, match="at least 3"):
        run_command(
            django_capture_on_commit_callbacks, "directory_remove_unconfirmed", "--days", "2"
        )
    with pytest.raises(ValueError):
        accounts.user_remove_unconfirmed(older_than=ago(days=0) - ago(days=1))

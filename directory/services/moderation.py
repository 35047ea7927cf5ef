"""The desk's workflow of a profile, declared once as a table of transitions.

draft ─submit→ pending ─approve→ published ─archive→ archived ─restore→ published
                  │                                               (or rejected, if
                  └─reject→ rejected ─submit→ pending              never published)
                               └─archive→ archived

Each step has one service function below, which is what views, commands and
tests call; the admin builds its actions and buttons from the same table.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from creativecities.mail.notifications import email_after_commit
from creativecities.workflow import Transition, TransitionError, Workflow, has_permission
from directory.models import Organisation, User
from directory.notifications import (
    MODERATE_PERMISSION,
    admin_change_url,
    desk_staff_recipients,
    email_members,
)

MODERATE = ".".join(MODERATE_PERMISSION)
Status = Organisation.Status

# The name older callers know the refusal by.
OrganisationStateError = TransitionError


def _is_member(user: User | None, organisation: Organisation) -> bool:
    return user is not None and organisation.memberships.filter(user=user).exists()


def _submitted(organisation: Organisation, *, by: User | None) -> list[str]:
    email_after_commit(
        to=desk_staff_recipients(),
        template="directory/emails/organisation_submitted",
        context={
            "organisation": organisation,
            "by": by,
            "resubmitted": organisation.status == Status.REJECTED,
            "admin_url": admin_change_url(organisation),
        },
        language=settings.LANGUAGE_CODE,
    )
    return []


def _published(organisation: Organisation, *, by: User | None) -> list[str]:
    """Approval counts as a confirmation: the freshness clock starts again."""
    now = timezone.now()
    organisation.published_at = organisation.published_at or now
    organisation.confirmed_at = now
    organisation.rejection_reason = ""
    organisation.reminder_sent_at = None
    organisation.lapse_notified_at = None
    email_members(organisation, "directory/emails/organisation_approved")
    return [
        "published_at",
        "confirmed_at",
        "rejection_reason",
        "reminder_sent_at",
        "lapse_notified_at",
    ]


def _clean_reason(*, reason: str = "") -> dict[str, Any]:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Write the reason for the rejection: the members will read it.")}
        )
    return {"reason": reason}


def _rejected(organisation: Organisation, *, by: User | None, reason: str) -> list[str]:
    organisation.rejection_reason = reason
    email_members(organisation, "directory/emails/organisation_rejected", {"reason": reason})
    return ["rejection_reason"]


def _archived(organisation: Organisation, *, by: User | None) -> list[str]:
    """Members of a published profile are told; a rejected one is only filed."""
    if organisation.status == Status.PUBLISHED:
        email_members(organisation, "directory/emails/organisation_archived")
    return []


def _nobody(user: User | None, organisation: Organisation) -> bool:
    """A step only the portal takes (`by=None`), never offered to anyone."""
    return False


def _restore_target(organisation: Organisation) -> str:
    return Status.PUBLISHED if organisation.published_at else Status.REJECTED


def _restored(organisation: Organisation, *, by: User | None) -> list[str]:
    """A profile that had been published is published again, counted as
    confirmed today, and its members are told."""
    if organisation.published_at is None:
        return []
    organisation.confirmed_at = timezone.now()
    organisation.reminder_sent_at = organisation.lapse_notified_at = None
    email_members(organisation, "directory/emails/organisation_approved")
    return ["confirmed_at", "reminder_sent_at", "lapse_notified_at"]


ORGANISATION_WORKFLOW: Workflow[Organisation] = Workflow(
    model=Organisation,
    transitions=[
        Transition(
            name="submit",
            source=frozenset({Status.DRAFT, Status.REJECTED}),
            target=Status.PENDING,
            allowed=_is_member,
            label=gettext_lazy("Submit for review"),
            done=gettext_lazy("Organisations sent for review: %(count)d."),
            refused=gettext_lazy(
                "%(object)s is “%(status)s”: only a draft or a rejected profile can be submitted."
            ),
            effect=_submitted,
            description=gettext_lazy("The desk is told by email."),
        ),
        Transition(
            name="approve",
            source=frozenset({Status.PENDING}),
            target=Status.PUBLISHED,
            allowed=has_permission(MODERATE),
            label=gettext_lazy("Approve and publish"),
            done=gettext_lazy("Organisations approved and published: %(count)d."),
            refused=gettext_lazy(
                "%(object)s cannot be approved: its status is “%(status)s” and only "
                "pending organisations can be approved."
            ),
            effect=_published,
            description=gettext_lazy("The members are told by email."),
        ),
        Transition(
            name="reject",
            source=frozenset({Status.PENDING}),
            target=Status.REJECTED,
            allowed=has_permission(MODERATE),
            label=gettext_lazy("Reject…"),
            done=gettext_lazy("Organisations rejected: %(count)d. The members have been told why."),
            refused=gettext_lazy(
                "%(object)s cannot be rejected: its status is “%(status)s” and only "
                "pending organisations can be rejected."
            ),
            effect=_rejected,
            clean=_clean_reason,
            description=gettext_lazy("The members read the reason in their email."),
        ),
        Transition(
            name="archive",
            source=frozenset({Status.PUBLISHED, Status.REJECTED}),
            target=Status.ARCHIVED,
            allowed=has_permission(MODERATE),
            label=gettext_lazy("Archive"),
            done=gettext_lazy("Organisations archived: %(count)d."),
            refused=gettext_lazy(
                "%(object)s cannot be archived: its status is “%(status)s” and only "
                "published or rejected organisations can be archived."
            ),
            effect=_archived,
            description=gettext_lazy("The profile leaves the directory; its history is kept."),
        ),
        Transition(
            name="abandon",
            source=frozenset({Status.DRAFT, Status.PENDING, Status.PUBLISHED, Status.REJECTED}),
            target=Status.ARCHIVED,
            allowed=_nobody,
            label=gettext_lazy("Archive: nobody manages it any more"),
            done=gettext_lazy("Organisations archived: %(count)d."),
            refused=gettext_lazy("%(object)s is “%(status)s”: it cannot be archived."),
            effect=_archived,
            description=gettext_lazy(
                "Its last owner deleted their account and chose to archive it; the desk "
                "may restore it."
            ),
        ),
        Transition(
            name="restore",
            source=frozenset({Status.ARCHIVED}),
            target=_restore_target,
            allowed=has_permission(MODERATE),
            label=gettext_lazy("Restore from the archive"),
            done=gettext_lazy("Organisations restored from the archive: %(count)d."),
            refused=gettext_lazy(
                "%(object)s cannot be restored: its status is “%(status)s” and only "
                "archived organisations can be restored."
            ),
            effect=_restored,
            description=gettext_lazy(
                "A profile that was published is published again and its members told."
            ),
        ),
    ],
)


def organisation_submit(*, organisation: Organisation, by: User) -> Organisation:
    """Send a draft (after its owner confirmed the email) or a rejected profile
    (after its members changed it) to the desk for review, and tell the desk."""
    return ORGANISATION_WORKFLOW.apply(organisation, "submit", by=by)


def organisation_approve(*, organisation: Organisation, by: User) -> Organisation:
    """Publish a pending profile and tell its members."""
    return ORGANISATION_WORKFLOW.apply(organisation, "approve", by=by)


def organisation_reject(*, organisation: Organisation, by: User, reason: str) -> Organisation:
    """Refuse a pending profile; the members read the reason in their email."""
    return ORGANISATION_WORKFLOW.apply(organisation, "reject", by=by, reason=reason)


def organisation_archive(*, organisation: Organisation, by: User) -> Organisation:
    """Take a profile out of the directory for good (the organisation closed or
    left the cluster), or file a rejected one."""
    return ORGANISATION_WORKFLOW.apply(organisation, "archive", by=by)


def organisation_abandon(*, organisation: Organisation, note: str = "") -> Organisation:
    """Archive a profile whose last owner deleted their account and chose not
    to hand it over: from any status, since no one is left to take it further.
    The portal takes the step (`by=None`); the desk may restore it."""
    return ORGANISATION_WORKFLOW.apply(organisation, "abandon", by=None, note=note)


def organisation_restore(*, organisation: Organisation, by: User) -> Organisation:
    """Bring an archived profile back (the archive email invites members to ask)."""
    return ORGANISATION_WORKFLOW.apply(organisation, "restore", by=by)

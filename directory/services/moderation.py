"""The desk's workflow of a profile: submission, review, archive, freshness."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from directory.models import (
    Organisation,
    User,
)
from directory.notifications import (
    admin_change_url,
    desk_staff_recipients,
    email_after_commit,
    email_members,
)

logger = logging.getLogger(__name__)


class OrganisationStateError(Exception):
    """A workflow step was asked of an organisation whose status does not allow it."""


def _require_status(organisation: Organisation, allowed: set[str], message: StrOrPromise) -> None:
    """Re-read the status under a row lock, so that two desk officers acting on
    the same profile at once cannot both move it."""
    organisation.status = (
        Organisation.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=organisation.pk)
    )
    if organisation.status not in allowed:
        raise OrganisationStateError(
            message
            % {
                "name": organisation.name,
                "status": Organisation.Status(organisation.status).label,
            }
        )


@transaction.atomic
def organisation_submit(*, organisation: Organisation, by: User) -> Organisation:
    """Send a draft (after its owner confirmed the email) or a rejected profile
    (after its members changed it) to the desk for review, and tell the desk."""
    _require_status(
        organisation,
        {Organisation.Status.DRAFT, Organisation.Status.REJECTED},
        _("%(name)s is “%(status)s”: only a draft or a rejected profile can be submitted."),
    )
    resubmitted = organisation.status == Organisation.Status.REJECTED
    organisation.status = Organisation.Status.PENDING
    organisation.full_clean()
    organisation.save(update_fields=["status", "updated_at"])
    email_after_commit(
        to=desk_staff_recipients(),
        template="directory/emails/organisation_submitted",
        context={
            "organisation": organisation,
            "by": by,
            "resubmitted": resubmitted,
            "admin_url": admin_change_url(organisation),
        },
        language=settings.LANGUAGE_CODE,
    )
    return organisation


@transaction.atomic
def organisation_approve(*, organisation: Organisation, by: User) -> Organisation:
    """Publish a pending profile and tell its members.

    Approval counts as a confirmation: the freshness clock starts again.
    """
    _require_status(
        organisation,
        {Organisation.Status.PENDING},
        _(
            "%(name)s cannot be approved: its status is “%(status)s” and only "
            "pending organisations can be approved."
        ),
    )
    now = timezone.now()
    organisation.status = Organisation.Status.PUBLISHED
    organisation.published_at = organisation.published_at or now
    organisation.confirmed_at = now
    organisation.rejection_reason = ""
    organisation.reminder_sent_at = None
    organisation.lapse_notified_at = None
    organisation.full_clean()
    organisation.save(
        update_fields=[
            "status",
            "published_at",
            "confirmed_at",
            "rejection_reason",
            "reminder_sent_at",
            "lapse_notified_at",
            "updated_at",
        ]
    )
    email_members(organisation, "directory/emails/organisation_approved")
    logger.info("Organisation %s approved by %s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def organisation_reject(*, organisation: Organisation, by: User, reason: str) -> Organisation:
    """Refuse a pending profile; the members read the reason in their email."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Write the reason for the rejection: the members will read it.")}
        )
    _require_status(
        organisation,
        {Organisation.Status.PENDING},
        _(
            "%(name)s cannot be rejected: its status is “%(status)s” and only "
            "pending organisations can be rejected."
        ),
    )
    organisation.status = Organisation.Status.REJECTED
    organisation.rejection_reason = reason
    organisation.full_clean()
    organisation.save(update_fields=["status", "rejection_reason", "updated_at"])
    email_members(organisation, "directory/emails/organisation_rejected", {"reason": reason})
    logger.info("Organisation %s rejected by %s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def organisation_archive(*, organisation: Organisation, by: User) -> Organisation:
    """Take a profile out of the directory for good (the organisation closed or
    left the cluster), or file a rejected one. Members of a published profile
    are told; its history is kept."""
    _require_status(
        organisation,
        {Organisation.Status.PUBLISHED, Organisation.Status.REJECTED},
        _(
            "%(name)s cannot be archived: its status is “%(status)s” and only "
            "published or rejected organisations can be archived."
        ),
    )
    was_published = organisation.status == Organisation.Status.PUBLISHED
    organisation.status = Organisation.Status.ARCHIVED
    organisation.save(update_fields=["status", "updated_at"])
    if was_published:
        email_members(organisation, "directory/emails/organisation_archived")
    logger.info("Organisation %s archived by %s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def organisation_restore(*, organisation: Organisation, by: User) -> Organisation:
    """Bring an archived profile back (the archive email invites members to ask).

    A profile that had been published is published again, counted as confirmed
    today, and its members are told; one that was never published goes back
    to the rejected state it was archived from.
    """
    _require_status(
        organisation,
        {Organisation.Status.ARCHIVED},
        _(
            "%(name)s cannot be restored: its status is “%(status)s” and only "
            "archived organisations can be restored."
        ),
    )
    if organisation.published_at is None:
        organisation.status = Organisation.Status.REJECTED
        organisation.save(update_fields=["status", "updated_at"])
    else:
        organisation.status = Organisation.Status.PUBLISHED
        organisation.confirmed_at = timezone.now()
        organisation.reminder_sent_at = organisation.lapse_notified_at = None
        organisation.save(
            update_fields=[
                "status",
                "confirmed_at",
                "reminder_sent_at",
                "lapse_notified_at",
                "updated_at",
            ]
        )
        email_members(organisation, "directory/emails/organisation_approved")
    logger.info("Organisation %s restored by %s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def organisation_remind(*, organisation: Organisation) -> bool:
    """Ask the members of a profile nobody confirmed for a year to confirm or
    update it. Returns whether anyone could be written to."""
    organisation.reminder_sent_at = timezone.now()
    organisation.save(update_fields=["reminder_sent_at"])
    recipients = email_members(
        organisation,
        "directory/emails/organisation_reminder",
        {"lapses_at": organisation.confirmed_at + Organisation.LAPSE_AFTER},
    )
    return bool(recipients)


@transaction.atomic
def organisation_announce_lapsed() -> list[Organisation]:
    """Tell the desk, in one email, which profiles left the public listing
    because nobody confirmed them for 18 months. Each lapse is told once."""
    organisations = list(
        Organisation.objects.lapse_unannounced()
        .annotate(
            member_count=Count("memberships", filter=models.Q(memberships__user__is_active=True))
        )
        .order_by("confirmed_at", "name")
    )
    recipients = desk_staff_recipients()
    if not organisations or not recipients:
        return []  # told on a later run, once someone can read it
    Organisation.objects.filter(pk__in=[org.pk for org in organisations]).update(
        lapse_notified_at=timezone.now()
    )
    email_after_commit(
        to=recipients,
        template="directory/emails/organisations_lapsed",
        context={
            "lapse_months": Organisation.lapse_months(),
            "organisations": [
                {
                    "name": org.name,
                    "confirmed_at": org.confirmed_at,
                    "member_count": org.member_count,
                    "admin_url": admin_change_url(org),
                }
                for org in organisations
            ],
        },
        language=settings.LANGUAGE_CODE,
    )
    return organisations

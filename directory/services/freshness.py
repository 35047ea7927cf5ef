"""Freshness of profiles: yearly reminders to members, lapses told to the desk.

A profile nobody confirmed for a year gets a reminder; after 18 months it
leaves the public listing (a queryset rule) and the desk is told once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count
from django.utils import timezone

from creativecities.mail.notifications import email_after_commit
from directory.models import Organisation
from directory.notifications import admin_change_url, desk_staff_recipients, email_members


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

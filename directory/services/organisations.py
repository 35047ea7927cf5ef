"""Profiles: creation, members' edits and confirmations, revert and import."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from creativecities import history
from creativecities.images import ProcessedLogo
from creativecities.models import Version
from creativecities.updates import model_update
from directory.models import PROFILE_FIELDS, Membership, Organisation, User
from directory.services.logos import organisation_remove_logo, organisation_set_logo
from directory.services.moderation import organisation_submit

# Slugs that name pages under /directory/ rather than an organisation.
RESERVED_SLUGS = frozenset({"map", "export", "search", "new", "edit", "register"})


def organisation_unique_slug(name: str) -> str:
    """A slug for a new organisation, free and not the name of a directory page."""
    base = slugify(name)[:200].strip("-") or "organisation"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _profile(organisation: Organisation, data: dict[str, Any]) -> dict[str, Any]:
    """A form's cleaned data as the fields to set: its sectors with the primary
    one always among them."""
    primary = data.get("primary_sector") or organisation.primary_sector
    return {**data, "sectors": {*(data.get("sectors") or []), primary}}


@transaction.atomic
def organisation_create_draft(*, owner: User, data: dict[str, Any]) -> Organisation:
    """A new profile, owned by `owner`, waiting as a draft."""
    with history.changes(by=owner, note=gettext_noop("Registered")):
        organisation = Organisation(
            status=Organisation.Status.DRAFT,
            slug=organisation_unique_slug(str(data.get("name") or "")),
        )
        model_update(organisation, _profile(organisation, data), fields=PROFILE_FIELDS)
    membership = Membership(user=owner, organisation=organisation, role=Membership.Role.OWNER)
    membership.full_clean()
    membership.save()
    return organisation


@transaction.atomic
def organisation_create(*, owner: User, organisation_data: dict[str, Any]) -> Organisation:
    """A person with a confirmed account registers a further organisation: it
    goes to the desk at once, as their address is already proven."""
    if not owner.is_active:
        raise PermissionDenied("Confirm the account first.")
    organisation = organisation_create_draft(owner=owner, data=organisation_data)
    return organisation_submit(organisation=organisation, by=owner)


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    data: dict[str, Any],
    by: User,
    logo: ProcessedLogo | None = None,
    remove_logo: bool = False,
    submit: bool = False,
) -> Organisation:
    """Save a member's changes to the profile, and its logo when one is given.

    Editing is also a statement that the profile is current, so it counts as a
    confirmation. The status changes only with `submit`, which sends a rejected
    profile back to the desk in the same transaction (`organisation_submit`).
    """
    # One change, whatever it touched: the logo, the fields, the sectors.
    with history.changes(by=by, note=gettext_noop("Edited by a member")):
        if logo is not None:
            organisation_set_logo(organisation=organisation, logo=logo, by=by)
        elif remove_logo and organisation.logo:
            organisation_remove_logo(organisation=organisation, by=by)
        confirmation = {
            "confirmed_at": timezone.now(),
            "reminder_sent_at": None,
            "lapse_notified_at": None,
        }
        model_update(
            organisation,
            {**_profile(organisation, data), **confirmation},
            fields=(*PROFILE_FIELDS, *confirmation),
        )
    if submit:
        organisation_submit(organisation=organisation, by=by)
    return organisation


@transaction.atomic
def organisation_confirm_current(*, organisation: Organisation, by: User) -> Organisation:
    """A member says the profile is still accurate: it stays (or returns to)
    the public listing for another 18 months, and the reminder cycle restarts."""
    if not organisation.memberships.filter(user=by).exists():
        raise PermissionDenied("Only a member can confirm the profile.")
    organisation.confirmed_at = timezone.now()
    organisation.reminder_sent_at = None
    organisation.lapse_notified_at = None
    organisation.save(
        update_fields=["confirmed_at", "reminder_sent_at", "lapse_notified_at", "updated_at"]
    )
    return organisation


@transaction.atomic
def organisation_revert(*, version: Version, by: User) -> Version:
    """Give a profile back the content it had in an earlier version.

    Only the versioned fields come back; status and workflow dates stay as
    they are, so reverting never publishes or hides a profile. The revert is
    itself a new version, so it can be undone the same way.
    """
    with translation.override(settings.LANGUAGE_CODE):
        when = date_format(timezone.localtime(version.created_at), "DATETIME_FORMAT")
    organisation = history.revert(
        version=version,
        by=by,
        note=gettext_noop("Reverted to the version of %(when)s"),
        when=when,
    )
    return history.versions_of(organisation).first() or version

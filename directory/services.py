"""Writes of the directory that span models, send mail or move a workflow.

Every function is keyword-only, atomic and typed; views and the admin call these
instead of saving models themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Count
from django.forms.models import model_to_dict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from directory.models import Organisation, OrganisationVersion, Sector, User
from directory.notifications import desk_recipients, email_after_commit
from directory.search import index_organisations

logger = logging.getLogger(__name__)

# Fields a version records and a revert restores. Status and dates are the
# workflow's, not the profile's, so a revert never publishes or hides anything.
VERSIONED_FIELDS = [
    "name",
    "kind",
    "primary_sector",
    "sectors",
    "short_description_it",
    "short_description_en",
    "description_it",
    "description_en",
    "website",
    "email",
    "phone",
    "address",
    "postcode",
    "municipality",
    "latitude",
    "longitude",
    "size",
    "year_founded",
    "vat_number",
    "ateco_code",
    "linkedin",
    "instagram",
    "facebook",
    "open_to_international",
    "languages",
]


def organisation_snapshot(organisation: Organisation) -> dict[str, Any]:
    """The profile's current content as JSON-ready data."""
    data = model_to_dict(organisation, fields=VERSIONED_FIELDS)
    data["sectors"] = sorted(sector.pk for sector in data.get("sectors", []))
    # Decimals (coordinates) become strings, as DjangoJSONEncoder writes them.
    return {
        key: value
        if value is None or isinstance(value, str | int | float | bool | list)
        else DjangoJSONEncoder().default(value)
        for key, value in data.items()
    }


@transaction.atomic
def organisation_record_version(
    *, organisation: Organisation, by: User | None, note: str = ""
) -> OrganisationVersion:
    """Keep the profile as it is now in its history, and refresh its search entry."""
    index_organisations([organisation])
    return OrganisationVersion.objects.create(
        organisation=organisation,
        data=organisation_snapshot(organisation),
        created_by=by,
        note=note[:200],
    )


# ---------------------------------------------------------------------------
# Staff: moderation, history, freshness and import
# ---------------------------------------------------------------------------


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


def member_emails(organisation: Organisation) -> list[str]:
    """Where to write to an organisation: the addresses of its active members."""
    return list(
        organisation.memberships.filter(user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def site_link(name: str, *, language: str, fallback: str, **kwargs: Any) -> str:
    """An absolute link to a page of the site in one language.

    A page another part of the directory provides may not be routed in every
    deployment; the fallback path keeps an email useful without it.
    """
    with translation.override(language):
        try:
            path = reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            path = fallback
    return f"{settings.SITE_URL}{path}"


def organisation_links(organisation: Organisation) -> dict[str, dict[str, str]]:
    """The links an email to members carries, per language.

    The account page lists each of a member's organisations with its
    "confirm" and "edit" actions, so it stands in for any page not routed.
    """
    links = {}
    for language, _name in settings.LANGUAGES:
        account_path = f"/{language}/account/"
        links[language] = {
            "profile": site_link(
                "directory:detail",
                language=language,
                fallback=f"/{language}/directory/{organisation.slug}/",
                slug=organisation.slug,
            ),
            "edit": site_link(
                "directory:edit", language=language, fallback=account_path, slug=organisation.slug
            ),
            "account": site_link("directory:account", language=language, fallback=account_path),
        }
    return links


def _email_members(
    organisation: Organisation, template: str, context: dict[str, Any] | None = None
) -> None:
    """Write to the members in Italian and English in one message: the portal
    does not know which language each member prefers."""
    email_after_commit(
        to=member_emails(organisation),
        template=template,
        context={
            "organisation": organisation,
            "links": organisation_links(organisation),
            **(context or {}),
        },
        language=settings.LANGUAGE_CODE,
    )


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
    _email_members(organisation, "directory/emails/organisation_approved")
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
    _email_members(organisation, "directory/emails/organisation_rejected", {"reason": reason})
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
        _email_members(organisation, "directory/emails/organisation_archived")
    logger.info("Organisation %s archived by %s", organisation.pk, by.pk)
    return organisation


@transaction.atomic
def organisation_revert(*, version: OrganisationVersion, by: User) -> OrganisationVersion:
    """Give a profile back the content it had in an earlier version.

    Only the versioned fields come back; status and workflow dates stay as
    they are, so reverting never publishes or hides a profile. The revert is
    itself a new version, so it can be undone the same way.
    """
    organisation = Organisation.objects.select_for_update().get(pk=version.organisation_id)
    data = version.data
    for name in VERSIONED_FIELDS:
        if name == "sectors" or name not in data:
            continue
        field = Organisation._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            setattr(organisation, field.attname, data[name])
        elif isinstance(field, models.Field):
            setattr(organisation, name, field.to_python(data[name]))
    sector_ids = {*data.get("sectors", []), organisation.primary_sector_id}
    sectors = list(Sector.objects.filter(pk__in=sector_ids))
    if len(sectors) != len(sector_ids):
        raise ValidationError(
            _("This version names a sector that no longer exists, so it cannot be restored.")
        )
    organisation.full_clean()
    organisation.save()
    organisation.sectors.set(sectors)
    when = date_format(timezone.localtime(version.created_at), "DATETIME_FORMAT")
    return organisation_record_version(
        organisation=organisation,
        by=by,
        note=_("Reverted to the version of %(when)s") % {"when": when},
    )


@transaction.atomic
def organisation_remind(*, organisation: Organisation) -> bool:
    """Ask the members of a profile nobody confirmed for a year to confirm or
    update it. Returns whether anyone could be written to."""
    recipients = member_emails(organisation)
    organisation.reminder_sent_at = timezone.now()
    organisation.save(update_fields=["reminder_sent_at"])
    _email_members(
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
        .annotate(member_count=Count("memberships"))
        .order_by("confirmed_at", "name")
    )
    if not organisations:
        return []
    Organisation.objects.filter(pk__in=[org.pk for org in organisations]).update(
        lapse_notified_at=timezone.now()
    )
    email_after_commit(
        to=desk_recipients(),
        template="directory/emails/organisations_lapsed",
        context={
            "organisations": [
                {
                    "name": org.name,
                    "confirmed_at": org.confirmed_at,
                    "member_count": org.member_count,
                    "admin_url": settings.SITE_URL
                    + reverse("admin:directory_organisation_change", args=[org.pk]),
                }
                for org in organisations
            ],
        },
        language=settings.LANGUAGE_CODE,
    )
    return organisations


def organisation_slug_for(name: str) -> str:
    """A slug made from the name that no organisation uses yet."""
    base = slugify(name)[:200].strip("-") or "organisation"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def organisation_import_finish(*, organisation_ids: Iterable[int], by: User | None) -> int:
    """Index the organisations an import created and start their history.

    Done once for the whole import, in bulk, rather than row by row.
    """
    organisations = list(
        Organisation.objects.filter(pk__in=list(organisation_ids))
        .select_related("municipality")
        .prefetch_related("sectors")
    )
    index_organisations(organisations)
    OrganisationVersion.objects.bulk_create(
        OrganisationVersion(
            organisation=organisation,
            data=organisation_snapshot(organisation),
            created_by=by,
            note=_("Imported"),
        )
        for organisation in organisations
    )
    return len(organisations)

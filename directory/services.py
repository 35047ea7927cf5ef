"""Writes of the directory that span models, send mail or move a workflow.

Every function is keyword-only, atomic and typed; views and the admin call these
instead of saving models themselves.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import Storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Count
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from directory.images import ProcessedLogo
from directory.models import (
    PROFILE_FIELDS,
    Invitation,
    Membership,
    Organisation,
    OrganisationVersion,
    Sector,
    User,
)
from directory.notifications import desk_staff_recipients, email_after_commit
from directory.search import index_organisations
from directory.tokens import (
    CONFIRMATION_MAX_AGE,
    ConfirmationLinkError,
    confirmation_token,
    confirmation_user,
)

logger = logging.getLogger(__name__)

# What a version records and a revert restores (never status or dates).
VERSIONED_FIELDS = list(PROFILE_FIELDS)


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


# --- Logos -----------------------------------------------------------------------------


@transaction.atomic
def organisation_set_logo(
    *, organisation: Organisation, logo: ProcessedLogo, by: User | None
) -> Organisation:
    """Store a processed logo and its thumbnail as the organisation's.

    Nothing is left half-way: if storing a file or writing the database fails,
    the new files are removed and the profile keeps its logo. The previous
    files are deleted only once the transaction has committed, so a rollback
    never leaves the profile pointing at a deleted file. (Files of a write
    rolled back by an enclosing transaction after this returns stay behind,
    unreferenced, under random names.)
    """
    storage = organisation.logo.storage
    previous = (organisation.logo.name, organisation.logo_thumbnail.name)
    stored: list[str] = []
    try:
        organisation.logo.save(logo.image.name or "logo", logo.image, save=False)
        stored.append(str(organisation.logo.name))
        organisation.logo_thumbnail.save(logo.thumbnail.name or "logo", logo.thumbnail, save=False)
        stored.append(str(organisation.logo_thumbnail.name))
        organisation.full_clean()
        organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        organisation_record_version(
            organisation=organisation, by=by, note=history_note(gettext_noop("Logo replaced"))
        )
    except BaseException:
        _delete_files(storage, stored)
        organisation.logo, organisation.logo_thumbnail = previous
        raise
    transaction.on_commit(partial(_delete_files, storage, previous), robust=True)
    return organisation


@transaction.atomic
def organisation_remove_logo(*, organisation: Organisation, by: User | None) -> Organisation:
    """Take the logo off the profile; its files go once the transaction commits."""
    previous = (organisation.logo.name, organisation.logo_thumbnail.name)
    if not any(previous):
        return organisation
    storage = organisation.logo.storage
    organisation.logo = organisation.logo_thumbnail = ""
    try:
        organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        organisation_record_version(
            organisation=organisation, by=by, note=history_note(gettext_noop("Logo removed"))
        )
    except BaseException:
        organisation.logo, organisation.logo_thumbnail = previous
        raise
    transaction.on_commit(partial(_delete_files, storage, previous), robust=True)
    return organisation


def history_note(text: str, **params: Any) -> str:
    """Notes in the history are read by staff, so they are kept in the site's
    language whoever caused the change (a member browsing in English, an import)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(text) % params if params else gettext(text)


def _delete_files(storage: Storage, names: Iterable[str | None]) -> None:
    for name in names:
        if name:
            storage.delete(name)


# --- Members: registration, email confirmation, profile upkeep, invitations ---
#
# A creative business registers its account and organisation in one go; the
# organisation waits as a draft until the email is confirmed, then goes to the
# desk for review. Members keep the profile current and invite colleagues.

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


def _apply_profile(organisation: Organisation, data: dict[str, Any]) -> set[Sector]:
    """Copy a form's cleaned data onto the organisation; return its sectors, the
    primary one always among them."""
    data = dict(data)
    sectors = set(data.pop("sectors", None) or [])
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not a field a member may set: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(organisation, name, value)
    sectors.add(organisation.primary_sector)
    return sectors


def admin_change_url(organisation: Organisation) -> str:
    """The organisation's screen in the desk administration, as an absolute URL."""
    path = reverse("admin:directory_organisation_change", args=[organisation.pk])
    return f"{settings.SITE_URL}{path}"


def _send_confirmation(*, user: User, organisation: Organisation, language: str) -> None:
    with translation.override(language):
        path = reverse("directory:confirm_email", kwargs={"token": confirmation_token(user)})
    email_after_commit(
        to=[user.email],
        template="directory/emails/confirm_email",
        context={
            "user": user,
            "organisation": organisation,
            "confirm_url": f"{settings.SITE_URL}{path}",
            "valid_days": CONFIRMATION_MAX_AGE.days,
        },
        language=language,
    )


@transaction.atomic
def organisation_register(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    organisation_data: dict[str, Any],
    language: str,
) -> Organisation:
    """Create an inactive account, its organisation as a draft owned by it, the
    profile's first version, and email a link that confirms the address.

    Nothing reaches the desk until the link is followed (`user_confirm_email`).
    """
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("An account with this email address already exists.")},
            code="email_taken",
        )
    user = User(email=email, first_name=first_name, last_name=last_name, is_active=False)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()

    organisation = _organisation_create_draft(owner=user, data=organisation_data)
    _send_confirmation(user=user, organisation=organisation, language=language)
    return organisation


def _organisation_create_draft(*, owner: User, data: dict[str, Any]) -> Organisation:
    organisation = Organisation(status=Organisation.Status.DRAFT)
    sectors = _apply_profile(organisation, data)
    organisation.slug = organisation_unique_slug(organisation.name)
    organisation.full_clean()
    organisation.save()
    organisation.sectors.set(sectors)
    membership = Membership(user=owner, organisation=organisation, role=Membership.Role.OWNER)
    membership.full_clean()
    membership.save()
    organisation_record_version(
        organisation=organisation, by=owner, note=history_note(gettext_noop("Registered"))
    )
    return organisation


@transaction.atomic
def organisation_create(*, owner: User, organisation_data: dict[str, Any]) -> Organisation:
    """A person with a confirmed account registers a further organisation: it
    goes to the desk at once, as their address is already proven."""
    if not owner.is_active:
        raise PermissionDenied("Confirm the account first.")
    organisation = _organisation_create_draft(owner=owner, data=organisation_data)
    return organisation_submit(organisation=organisation, by=owner)


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
def user_confirm_email(*, token: str) -> User:
    """Activate the account a confirmation link names and submit its draft
    organisations to the desk.

    Raises `ConfirmationLinkError` for an invalid, expired or used link.
    """
    user = confirmation_user(token)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active:
        raise ConfirmationLinkError("used", user)
    user.is_active = True
    user.save(update_fields=["is_active"])
    drafts = Organisation.objects.filter(
        memberships__user=user,
        memberships__role=Membership.Role.OWNER,
        status=Organisation.Status.DRAFT,
    )
    for organisation in drafts:
        organisation_submit(organisation=organisation, by=user)
    return user


@transaction.atomic
def user_confirmation_resend(*, email: str, language: str) -> bool:
    """Send a fresh confirmation link if this address registered and never
    confirmed. The caller tells the visitor the same thing either way, so the
    form reveals nothing about who has an account."""
    user = User.objects.filter(email__iexact=email, is_active=False, last_login=None).first()
    if user is None:
        return False
    organisation = (
        Organisation.objects.filter(
            memberships__user=user,
            memberships__role=Membership.Role.OWNER,
            status=Organisation.Status.DRAFT,
        )
        .order_by("created_at")
        .first()
    )
    if organisation is None:
        return False
    _send_confirmation(user=user, organisation=organisation, language=language)
    return True


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
    if logo is not None:
        organisation_set_logo(organisation=organisation, logo=logo, by=by)
    elif remove_logo and organisation.logo:
        organisation_remove_logo(organisation=organisation, by=by)
    sectors = _apply_profile(organisation, data)
    organisation.confirmed_at = timezone.now()
    organisation.reminder_sent_at = None
    organisation.lapse_notified_at = None
    organisation.full_clean()
    organisation.save()
    organisation.sectors.set(sectors)
    organisation_record_version(
        organisation=organisation, by=by, note=history_note(gettext_noop("Edited by a member"))
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
def invitation_send(
    *, organisation: Organisation, email: str, by: User, language: str
) -> Invitation:
    """Invite a colleague by email to join the organisation.

    An address has at most one open invitation per organisation: inviting it
    again replaces the old link with a new one, valid for another 14 days.
    """
    if not organisation.memberships.filter(user=by).exists():
        raise PermissionDenied("Only a member can invite.")
    email = User.objects.normalize_email(email).lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already a member of %(organisation)s.")
                % {"email": email, "organisation": organisation.name}
            },
            code="already_member",
        )
    Invitation.objects.filter(
        organisation=organisation, email__iexact=email, accepted_at__isnull=True
    ).delete()
    invitation = Invitation(
        organisation=organisation, email=email, token=secrets.token_urlsafe(32), invited_by=by
    )
    invitation.full_clean()
    invitation.save()
    with translation.override(language):
        path = reverse("directory:invitation", kwargs={"token": invitation.token})
    email_after_commit(
        to=[email],
        template="directory/emails/invitation",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "by": by,
            "invitation_url": f"{settings.SITE_URL}{path}",
            "valid_days": Invitation.VALID_FOR.days,
        },
        language=language,
    )
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> Membership:
    """Make the invited person a member.

    Either `user` is the logged-in account whose address was invited, or no
    account exists yet and one is created, active at once: following the
    emailed link proved the address.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired."), code="expired")
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(
                _("An account with this email address already exists: log in to accept."),
                code="account_exists",
            )
        user = User.objects.create_user(
            invitation.email, password, first_name=first_name, last_name=last_name
        )
    elif user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to another email address."), code="wrong_user"
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": Membership.Role.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


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


def site_link(name: str, *, language: str, **kwargs: Any) -> str:
    """An absolute link to a page of the site in one language."""
    with translation.override(language):
        return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs or None)}"


def organisation_links(organisation: Organisation) -> dict[str, dict[str, str]]:
    """The links an email to members carries, per language."""
    slug = organisation.slug
    return {
        language: {
            "profile": site_link("directory:detail", language=language, slug=slug),
            "edit": site_link("directory:edit", language=language, slug=slug),
            "account": site_link("directory:account", language=language),
        }
        for language, _name in settings.LANGUAGES
    }


def _email_members(
    organisation: Organisation, template: str, context: dict[str, Any] | None = None
) -> list[str]:
    """Write to the members in Italian and English in one message: the portal
    does not know which language each member prefers. Returns the recipients."""
    recipients = member_emails(organisation)
    email_after_commit(
        to=recipients,
        template=template,
        context={
            "organisation": organisation,
            "links": organisation_links(organisation),
            "lapse_months": Organisation.lapse_months(),
            **(context or {}),
        },
        language=settings.LANGUAGE_CODE,
    )
    return recipients


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
        _email_members(organisation, "directory/emails/organisation_approved")
    logger.info("Organisation %s restored by %s", organisation.pk, by.pk)
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
    with translation.override(settings.LANGUAGE_CODE):
        when = date_format(timezone.localtime(version.created_at), "DATETIME_FORMAT")
    return organisation_record_version(
        organisation=organisation,
        by=by,
        note=history_note(gettext_noop("Reverted to the version of %(when)s"), when=when),
    )


@transaction.atomic
def organisation_remind(*, organisation: Organisation) -> bool:
    """Ask the members of a profile nobody confirmed for a year to confirm or
    update it. Returns whether anyone could be written to."""
    organisation.reminder_sent_at = timezone.now()
    organisation.save(update_fields=["reminder_sent_at"])
    recipients = _email_members(
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
            note=history_note(gettext_noop("Imported")),
        )
        for organisation in organisations
    )
    return len(organisations)

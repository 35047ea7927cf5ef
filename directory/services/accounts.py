"""Accounts: registration with its organisation, email confirmation and resending,
and the removal of registrations never confirmed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from creativecities.links.tokens import (
    CONFIRMATION_MAX_AGE,
    ConfirmationLinkError,
    confirmation_token,
    confirmation_user,
)
from creativecities.mail.notifications import email_after_commit
from creativecities.models import OutgoingEmail
from directory.models import Membership, Organisation, User
from directory.services.moderation import organisation_submit
from directory.services.organisations import organisation_create_draft


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
) -> Organisation | None:
    """Create an inactive account, its organisation as a draft owned by it, the
    profile's first version, and email a link that confirms the address. The
    account records when its owner accepted the privacy notice, and which
    version (`PRIVACY_POLICY_VERSION`), as an enquiry does.

    Nothing reaches the desk until the link is followed (`user_confirm_email`).
    If the address already has an account, nothing is created (`None`) and the
    mail says so instead: a new confirmation link for an account still waiting
    for one, otherwise how to log in or reset the password. The caller answers
    the same either way, so the form tells nobody whether an address is
    registered; the password is hashed either way too, so neither does the time
    the answer takes.
    """
    email = User.objects.normalize_email(email).lower()
    user = User(
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_active=False,
        privacy_consent_at=timezone.now(),
        privacy_policy_version=settings.PRIVACY_POLICY_VERSION,
    )
    user.set_password(password)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        user.full_clean(exclude=["password"])
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            # The same address registered at the same moment by another request.
            existing = User.objects.get(email__iexact=email)
    if existing is not None:
        _tell_existing_account(user=existing, language=language)
        return None
    organisation = organisation_create_draft(owner=user, data=organisation_data)
    _send_confirmation(user=user, organisation=organisation, language=language)
    return organisation


def _tell_existing_account(*, user: User, language: str) -> None:
    """Someone registered with the address of an existing account: send a new
    confirmation link if it still waits for one, otherwise tell the owner how to
    get in."""
    if user_confirmation_resend(email=user.email, language=language):
        return
    with translation.override(language):
        login_path = reverse("login")
        reset_path = reverse("password_reset")
    email_after_commit(
        to=[user.email],
        template="directory/emails/account_exists",
        context={
            "user": user,
            "login_url": f"{settings.SITE_URL}{login_path}",
            "password_reset_url": f"{settings.SITE_URL}{reset_path}",
        },
        language=language,
    )


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


@dataclass(frozen=True)
class RemovedRegistration:
    """What `user_remove_unconfirmed` removed for one account, to report it."""

    email: str
    date_joined: datetime.datetime
    organisations: list[str]


def user_remove_unconfirmed(
    *, older_than: datetime.timedelta, dry_run: bool = False
) -> list[RemovedRegistration]:
    """Delete registrations whose address was never confirmed, with their drafts.

    A registration leaves an inactive account and a draft organisation that
    nobody sees; kept for ever they would hold personal data for nothing, and
    an address someone typed by mistake would stay taken. Removed are accounts
    that are inactive, never logged in, not staff, registered more than
    `older_than` ago, with no confirmation link sent to them since, whose
    organisations are all drafts with no other member; with them go those
    drafts and, through their generic relations, the drafts' versions and
    status changes. `older_than` may not be shorter than a confirmation link
    lasts, so a link still valid always finds its account. Each account is
    re-checked under a row lock, so one being confirmed meanwhile is kept.
    """
    if older_than < CONFIRMATION_MAX_AGE:
        raise ValueError(
            f"Registrations must be kept at least as long as a confirmation link lasts "
            f"({CONFIRMATION_MAX_AGE.days} days)."
        )
    cutoff = timezone.now() - older_than
    unconfirmed = User.objects.filter(
        is_active=False,
        last_login=None,
        is_staff=False,
        is_superuser=False,
        date_joined__lt=cutoff,
    )
    candidates = (
        unconfirmed.filter(memberships__organisation__status=Organisation.Status.DRAFT)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    removed = []
    for pk in list(candidates):
        with transaction.atomic():
            user = unconfirmed.select_for_update().filter(pk=pk).first()
            if user is None:
                continue  # confirmed (or removed) since the list was read
            organisations = list(Organisation.objects.filter(memberships__user=user).order_by("pk"))
            if any(
                organisation.status != Organisation.Status.DRAFT for organisation in organisations
            ):
                continue
            if (
                Membership.objects.filter(organisation__in=organisations)
                .exclude(user=user)
                .exists()
            ):
                continue
            if OutgoingEmail.objects.filter(
                template="directory/emails/confirm_email",
                to__contains=[user.email],
                created_at__gte=cutoff,
            ).exists():
                continue  # asked for a new link lately: it must still work
            removed.append(
                RemovedRegistration(
                    email=user.email,
                    date_joined=user.date_joined,
                    organisations=[organisation.name for organisation in organisations],
                )
            )
            if not dry_run:
                Organisation.objects.filter(pk__in=[o.pk for o in organisations]).delete()
                user.delete()
    return removed

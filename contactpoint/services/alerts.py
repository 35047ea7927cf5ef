"""Alerts: subscribing with a double opt-in, unsubscribing in one click, and
the weekly digest of new calls and premises.

Links carry signed tokens (`django.core.signing`), so nothing secret is stored:
a confirmation link names the subscription and when it was made (subscribing
again makes a new one, so an older link stops working) and lasts
`CONFIRM_MAX_AGE`; an unsubscribe link names the subscription and lasts as long
as it does, so the link in any digest works without logging in.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from contactpoint.models import AlertSubscription, FundingCall, Premises
from creativecities.limits.locks import lock_for_transaction
from creativecities.mail.notifications import email_after_commit, site_link
from directory.models import Sector

CONFIRM_SALT = "contactpoint.alert-confirm"
UNSUBSCRIBE_SALT = "contactpoint.alert-unsubscribe"
CONFIRM_MAX_AGE = datetime.timedelta(days=3)


class AlertLinkError(Exception):
    """A link that cannot be used: `gone` when it was genuine but its subscription
    no longer exists (unsubscribed already), else `invalid` (tampered with, expired)."""

    def __init__(self, reason: str = "invalid") -> None:
        super().__init__(reason)
        self.reason = reason


# --- Links -------------------------------------------------------------------------


def _stamp(subscription: AlertSubscription) -> str:
    return str(int(subscription.created_at.timestamp()))


def confirm_token(subscription: AlertSubscription) -> str:
    return signing.dumps([subscription.pk, _stamp(subscription)], salt=CONFIRM_SALT)


def unsubscribe_token(subscription: AlertSubscription) -> str:
    return signing.dumps([subscription.pk, _stamp(subscription)], salt=UNSUBSCRIBE_SALT)


def _subscription(
    token: str, *, salt: str, max_age: datetime.timedelta | None
) -> AlertSubscription:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # expired links included
        raise AlertLinkError from None
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], int)):
        raise AlertLinkError
    subscription = AlertSubscription.objects.filter(pk=data[0]).first()
    if subscription is None or _stamp(subscription) != data[1]:
        raise AlertLinkError("gone")
    return subscription


def subscription_to_confirm(token: str) -> AlertSubscription:
    """The subscription a fresh confirmation link names (confirmed or not)."""
    return _subscription(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)


def subscription_to_end(token: str) -> AlertSubscription:
    """The subscription an unsubscribe link names."""
    return _subscription(token, salt=UNSUBSCRIBE_SALT, max_age=None)


def unsubscribe_url(subscription: AlertSubscription) -> str:
    return site_link(
        "contactpoint:alerts_unsubscribe",
        language=subscription.language,
        token=unsubscribe_token(subscription),
    )


def unsubscribe_headers(subscription: AlertSubscription) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: mail clients POST to the link themselves."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- Subscribing -------------------------------------------------------------------


@transaction.atomic
def alert_subscribe(*, email: str, sectors: Iterable[Sector], language: str) -> AlertSubscription:
    """Record a subscription waiting for confirmation and mail the link.

    The same address asking again gets a fresh unconfirmed subscription with
    the sectors chosen now, replacing an earlier unconfirmed one. A confirmed
    subscription goes on as it is until the new one is confirmed, which only
    the mailbox's owner can do: typing someone's address stops nobody's
    alerts, and the answer is the same whether the address was subscribed or not.
    """
    email = email.strip()
    # Two requests for one address at once would both find no waiting row and
    # both insert one; the second would meet the one-waiting-per-address constraint.
    lock_for_transaction(f"contactpoint.alert:{email.lower()}")
    AlertSubscription.objects.by_email(email).filter(confirmed_at__isnull=True).delete()
    subscription = AlertSubscription.objects.create(email=email, language=language)
    subscription.sectors.set(list(sectors))
    email_after_commit(
        to=[email],
        template="contactpoint/emails/alert_confirm",
        context={
            "subscription": subscription,
            "sectors": list(subscription.sectors.all()),
            "confirm_url": site_link(
                "contactpoint:alerts_confirm",
                language=language,
                token=confirm_token(subscription),
            ),
            "valid_days": CONFIRM_MAX_AGE.days,
            "unsubscribe_url": unsubscribe_url(subscription),
        },
        language=language,
        headers=unsubscribe_headers(subscription),
    )
    return subscription


@transaction.atomic
def alert_confirm(*, subscription: AlertSubscription) -> AlertSubscription:
    """Start the alerts, in place of the address's earlier subscription if it
    had one; confirming twice changes nothing."""
    locked = AlertSubscription.objects.select_for_update().get(pk=subscription.pk)
    if locked.confirmed_at is None:
        AlertSubscription.objects.by_email(locked.email).exclude(pk=locked.pk).delete()
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["confirmed_at"])
    return locked


def alert_unsubscribe(*, subscription: AlertSubscription) -> None:
    """Forget the subscription and its address."""
    AlertSubscription.objects.filter(pk=subscription.pk).delete()


# --- Digests -----------------------------------------------------------------------


@dataclass(frozen=True)
class DigestSection:
    """One kind of news in a digest: its heading and the items (title, link)."""

    title: str
    items: list[tuple[str, str]]


DIGEST_ITEMS = 30  # per section: a digest is a pointer to the site, not a catalogue


def digest_sections(
    *, sector_ids: list[int], since: datetime.datetime, language: str
) -> list[DigestSection]:
    """The calls and premises published since `since` for any of the sectors,
    newest first, with absolute links in `language`; empty sections left out."""
    calls = (
        FundingCall.objects.published()
        .for_sectors(sector_ids)
        .published_since(since)
        .order_by("-published_at", "pk")[:DIGEST_ITEMS]
    )
    premises = (
        Premises.objects.published()
        .for_sectors(sector_ids)
        .published_since(since)
        .order_by("-published_at", "pk")[:DIGEST_ITEMS]
    )
    sections = []
    with translation.override(language):
        for title, rows in (
            (gettext("New funding calls"), calls),
            (gettext("New premises available"), premises),
        ):
            items = [(str(row), f"{settings.SITE_URL}{row.get_absolute_url()}") for row in rows]
            if items:
                sections.append(DigestSection(title=title, items=items))
    return sections


@transaction.atomic
def alert_send_digest(*, subscription_id: int, now: datetime.datetime | None = None) -> bool:
    """Mail one subscriber what was published in their sectors since their
    last digest; True if a mail was recorded.

    At most one a week, and each once: the row is locked and its
    `last_digest_at` checked and moved in the same transaction as the mail's
    record, so a task run twice (or by two workers) sends one mail. With
    nothing new nothing is sent and the next run looks again from the same date.
    """
    now = now or timezone.now()
    subscription = (
        AlertSubscription.objects.select_for_update()
        .due_digest(now=now)
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return False
    sector_ids = list(subscription.sectors.values_list("pk", flat=True))
    since = subscription.news_since
    sections = digest_sections(sector_ids=sector_ids, since=since, language=subscription.language)
    if not sections:
        return False
    subscription.last_digest_at = now
    subscription.save(update_fields=["last_digest_at"])
    context: dict[str, Any] = {
        "subscription": subscription,
        "sections": sections,
        "since": since,
        "unsubscribe_url": unsubscribe_url(subscription),
    }
    email_after_commit(
        to=[subscription.email],
        template="contactpoint/emails/alert_digest",
        context=context,
        language=subscription.language,
        headers=unsubscribe_headers(subscription),
    )
    return True

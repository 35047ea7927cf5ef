"""Alerts: the desk's kind of subscription (`creativecities.subscriptions`),
and the digest of new calls and premises, weekly or daily as chosen.

Subscribing, confirming and unsubscribing are the shared flow's; what is
here is the kind's declaration, its links mailed before the shared flow
(`read_legacy`) and its digest.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from contactpoint.models import AlertSubscription, FundingCall, Premises
from creativecities.links.signed import SignedLinkError, unsign
from creativecities.subscriptions import services as subscriptions
from creativecities.subscriptions.kinds import SubscriptionKind
from creativecities.subscriptions.models import Cadence
from directory.models import Sector

# The salts of the links mailed before the shared flow: they keep working.
LEGACY_SALTS = {"confirm": "contactpoint.alert-confirm", "stop": "contactpoint.alert-unsubscribe"}
CONFIRM_MAX_AGE = subscriptions.CONFIRM_MAX_AGE


def read_legacy_link(purpose: str, token: str) -> AlertSubscription | None:
    """The subscription an alerts link of the earlier shape (`[id, stamp]`)
    names, if it still exists."""
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        data = unsign(token, purpose=LEGACY_SALTS[purpose], max_age=max_age)
    except (SignedLinkError, KeyError):
        return None
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], int)):
        return None
    subscription = AlertSubscription.objects.filter(pk=data[0]).first()
    if subscription is None or str(subscription.stamp) != data[1]:
        return None
    return subscription


def alert_subscribe(
    *, email: str, sectors: Iterable[Sector], language: str, cadence: str = ""
) -> AlertSubscription:
    """Record a subscription waiting for confirmation and mail the link (the
    shared flow: a confirmed subscription goes on until the new one is
    confirmed, and the answer is the same whether the address was subscribed)."""
    chosen = list(sectors)
    subscription = subscriptions.subscribe(
        ALERTS,
        email=email,
        language=language,
        cadence=cadence,
        setup=lambda row: row.sectors.set(chosen),
        context=lambda row: {"sectors": list(row.sectors.all())},
    )
    return cast(AlertSubscription, subscription)


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

    At most one per period of its cadence, and each once: the row is locked and its
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
    context: dict[str, Any] = {"sections": sections, "since": since}
    if not subscriptions.subscription_mail(
        subscription, template="contactpoint/emails/alert_digest", context=context
    ):
        return False  # the address's limit is spent: the next run tries again
    subscription.last_digest_at = now
    subscription.save(update_fields=["last_digest_at"])
    return True


ALERTS = SubscriptionKind(
    name=AlertSubscription.kind,
    model=AlertSubscription,
    pages="contactpoint/alerts",
    confirm_mail="contactpoint/emails/alert_confirm",
    start_url="contactpoint:alerts",
    start_label=gettext_lazy("Subscribe to the alerts"),
    replaces_confirmed=True,
    cadences=(Cadence.WEEKLY, Cadence.DAILY),
    read_legacy=read_legacy_link,
    digest=alert_send_digest,
)

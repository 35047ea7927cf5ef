"""The one flow of every subscription: subscribe, confirm, mail, unsubscribe.

Links are signed (`creativecities.links.signed`), so nothing secret is
stored: they carry the kind, the row's id and its stamp. A confirmation link
lasts `CONFIRM_MAX_AGE`; a stop link lasts as long as its row, so the link in
any old mail still works. Every mail of a subscription carries the stop link
and the RFC 8058 headers, and counts against the recipient's limits
(`settings.RATE_LIMITS["subscription_mail"]`).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from django.db import transaction
from django.utils import timezone

from creativecities.limits.locks import lock_for_transaction
from creativecities.limits.ratelimit import RateLimited, limit_keys
from creativecities.links.signed import SignedLinkError, sign, unsign
from creativecities.mail.notifications import email_after_commit, site_link
from creativecities.subscriptions.kinds import SubscriptionKind, kind_named, kind_of
from creativecities.subscriptions.models import Cadence, Subscription

logger = logging.getLogger(__name__)

CONFIRM_MAX_AGE = datetime.timedelta(days=3)
ONE_CLICK = "List-Unsubscribe=One-Click"
MAIL_LIMIT_SCOPE = "subscription_mail"

Purpose = Literal["confirm", "stop"]
_S = TypeVar("_S", bound=Subscription)


class SubscriptionLinkError(Exception):
    """A link that cannot be used: `gone` when it was genuine but its row no
    longer exists (unsubscribed already, replaced), else `invalid` (tampered
    with, cut, expired, of an unknown kind)."""

    def __init__(self, reason: Literal["invalid", "gone"] = "invalid") -> None:
        super().__init__(reason)
        self.reason = reason


# --- Links -------------------------------------------------------------------------


def _purpose(purpose: Purpose) -> str:
    return f"creativecities.subscriptions.{purpose}"


def subscription_token(subscription: Subscription, purpose: Purpose) -> str:
    return sign(
        {"k": subscription.kind, "s": subscription.pk, "t": subscription.stamp},
        purpose=_purpose(purpose),
    )


def subscription_link(subscription: Subscription, purpose: Purpose) -> str:
    """The absolute link, in the subscriber's language, to confirm or to stop."""
    return site_link(
        f"subscriptions:{purpose}",
        language=subscription.language,
        kind=subscription.kind,
        token=subscription_token(subscription, purpose),
    )


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: mail clients POST to the link themselves."""
    return {
        "List-Unsubscribe": f"<{subscription_link(subscription, 'stop')}>",
        "List-Unsubscribe-Post": ONE_CLICK,
    }


def subscription_from_link(kind_name: str, token: str, purpose: Purpose) -> Subscription:
    """The subscription a link of `kind_name` names: a confirmation link no
    older than `CONFIRM_MAX_AGE`, a stop link of any age; links mailed before
    the shared flow too. Raises `SubscriptionLinkError`."""
    kind = kind_named(kind_name)
    if kind is None:
        raise SubscriptionLinkError
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        data = unsign(token, purpose=_purpose(purpose), max_age=max_age)
    except SignedLinkError:
        legacy = kind.read_legacy(purpose, token) if kind.read_legacy else None
        if legacy is None:
            raise SubscriptionLinkError from None
        return legacy
    if not (
        isinstance(data, dict)
        and data.get("k") == kind.name
        and isinstance(data.get("s"), int)
        and isinstance(data.get("t"), int)
    ):
        raise SubscriptionLinkError
    subscription = kind.model._default_manager.filter(pk=data["s"]).first()
    if subscription is None or subscription.stamp != data["t"]:
        raise SubscriptionLinkError("gone")
    return subscription


# --- Mail --------------------------------------------------------------------------


def subscription_mail(
    subscription: Subscription, *, template: str, context: dict[str, Any]
) -> bool:
    """Queue one mail of a subscription, with its stop link (`unsubscribe_url`
    in the template) and headers; False, and nothing queued, when the
    recipient has had as many subscription mails as the limits allow."""
    try:
        limit_keys(MAIL_LIMIT_SCOPE, recipient=subscription.email)
    except RateLimited as refusal:
        logger.warning("Subscription mail not sent (%s): %s", subscription.kind, refusal)
        return False
    email_after_commit(
        to=[subscription.email],
        template=template,
        context={
            "subscription": subscription,
            "unsubscribe_url": subscription_link(subscription, "stop"),
            **context,
        },
        language=subscription.language,
        headers=unsubscribe_headers(subscription),
    )
    return True


# --- The flow ----------------------------------------------------------------------


@transaction.atomic
def subscribe(
    kind: SubscriptionKind,
    *,
    email: str,
    language: str,
    values: dict[str, Any] | None = None,
    cadence: str = "",
    setup: Callable[[Any], None] | None = None,
    context: Callable[[Any], dict[str, Any]] | None = None,
) -> Subscription:
    """Record a subscription waiting for confirmation and mail its link.

    `values` are the kind's own fields (`action=...`); `setup(subscription)`
    adds what needs a saved row (sectors); `context(subscription)` what the
    confirmation mail shows besides its links. An earlier unconfirmed request
    of the same subscriber is replaced (its link stops working). A confirmed
    subscriber goes on as it is: a kind that `replaces_confirmed` waits for the
    new row's confirmation, any other is sent nothing. Either way the answer is
    the same whether the address was subscribed or not.
    """
    email = email.strip()
    model = kind.model
    row = model(email=email, language=language, **(values or {}))
    if cadence not in kind.cadences:
        cadence = kind.cadences[0]
    row.cadence = cadence
    lookup = kind.same_subscriber(row)
    # Two requests for one subscriber at once would both find no waiting row
    # and both insert one; the second would meet the model's constraint.
    lock_for_transaction(f"subscriptions.{kind.name}:{sorted(lookup.items())}".lower())
    same = model._default_manager.filter(**lookup)
    if not kind.replaces_confirmed:
        confirmed = same.filter(confirmed_at__isnull=False).first()
        if confirmed is not None:
            return confirmed
    same.filter(confirmed_at__isnull=True).delete()
    row.save()
    if setup is not None:
        setup(row)
    subscription_mail(
        row,
        template=kind.confirm_mail,
        context={
            "confirm_url": subscription_link(row, "confirm"),
            "valid_days": CONFIRM_MAX_AGE.days,
            **(context(row) if context is not None else {}),
        },
    )
    return row


@transaction.atomic
def confirm(subscription: _S) -> _S:
    """Start the mails, in place of the subscriber's earlier confirmed row if
    there was one; confirming twice changes nothing."""
    kind = kind_of(subscription)
    manager = type(subscription)._default_manager
    locked = manager.select_for_update().get(pk=subscription.pk)
    if locked.confirmed_at is None:
        manager.filter(**kind.same_subscriber(locked)).exclude(pk=locked.pk).delete()
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["confirmed_at"])
    return locked


def unsubscribe(subscription: Subscription) -> None:
    """Forget this one subscription and its address; every other row stays."""
    type(subscription)._default_manager.filter(pk=subscription.pk).delete()


__all__ = [
    "CONFIRM_MAX_AGE",
    "ONE_CLICK",
    "Cadence",
    "SubscriptionLinkError",
    "confirm",
    "subscribe",
    "subscription_from_link",
    "subscription_link",
    "subscription_mail",
    "subscription_token",
    "unsubscribe",
    "unsubscribe_headers",
]

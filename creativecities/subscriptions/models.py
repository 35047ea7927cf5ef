"""What every subscription keeps: an address, its language, when it was made
and confirmed, how often it is written to and when it last was.

Each kind's model (`AlertSubscription`, `Follower`, ...) inherits these fields
and adds what is subscribed to. Unsubscribing deletes the row, so no address
that asked to be forgotten is kept.
"""

from __future__ import annotations

import datetime
from typing import ClassVar, Self, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_Subscription = TypeVar("_Subscription", bound="Subscription")


class Cadence(models.TextChoices):
    """How often a subscription is written to: at each change, or a digest."""

    IMMEDIATE = "immediate", _("at each change")
    DAILY = "daily", _("once a day at most")
    WEEKLY = "weekly", _("once a week at most")


#: The least time between two digests of a cadence.
DIGEST_PERIODS = {
    Cadence.DAILY: datetime.timedelta(days=1),
    Cadence.WEEKLY: datetime.timedelta(days=7),
}


class SubscriptionQuerySet(models.QuerySet[_Subscription]):
    def confirmed(self) -> Self:
        return self.filter(confirmed_at__isnull=False)

    def by_email(self, email: str) -> Self:
        return self.filter(email__iexact=email.strip())

    def due_digest(self, *, now: datetime.datetime | None = None) -> Self:
        """Confirmed subscriptions of a digest cadence whose last digest is at
        least a period old, or that had none."""
        now = now or timezone.now()
        due = Q()
        for cadence, period in DIGEST_PERIODS.items():
            due |= Q(cadence=cadence) & (
                Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - period)
            )
        return self.confirmed().filter(due)


class Subscription(models.Model):
    """An address subscribed to something, unconfirmed until its owner follows
    the mailed link (double opt-in)."""

    #: The kind's name, as registered (`creativecities.subscriptions.register_kind`).
    kind: ClassVar[str]

    email = models.EmailField(_("email address"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="it"
    )
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cadence = models.CharField(
        _("how often"), max_length=10, choices=Cadence.choices, default=Cadence.IMMEDIATE
    )
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def news_since(self) -> datetime.datetime:
        """From when a digest lists news: the last digest, else the confirmation
        (nothing older than the subscription is news)."""
        return self.last_digest_at or self.confirmed_at or self.created_at

    @property
    def stamp(self) -> int:
        """What a link checks besides the id: subscribing again makes a new row,
        so a link of an earlier one stops working even if its id came back."""
        return int(self.created_at.timestamp())

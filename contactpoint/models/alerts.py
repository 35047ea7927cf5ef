"""Alerts: people who asked to hear, once a week at most, of new calls and
premises in the sectors they chose."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Sector


class AlertSubscriptionQuerySet(models.QuerySet["AlertSubscription"]):
    def confirmed(self) -> AlertSubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def due_digest(self, *, now: datetime.datetime | None = None) -> AlertSubscriptionQuerySet:
        """Confirmed subscriptions whose last digest is a week old, or that had none."""
        now = now or timezone.now()
        return self.confirmed().filter(
            Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - AlertSubscription.EVERY)
        )

    def by_email(self, email: str) -> AlertSubscriptionQuerySet:
        return self.filter(email__iexact=email.strip())


class AlertSubscription(models.Model):
    """One address and its sectors. Unconfirmed until the person follows the
    link mailed to them (double opt-in); unsubscribing deletes the row, so the
    desk keeps no address that asked to be forgotten. An address has at most
    one confirmed subscription, and at most one change waiting for its owner's
    confirmation, which replaces the confirmed one only once confirmed."""

    EVERY = datetime.timedelta(days=7)

    email = models.EmailField(_("email"), max_length=254)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), related_name="alert_subscriptions"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="it"
    )
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    objects = AlertSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(confirmed_at__isnull=False),
                name="alertsubscription_one_confirmed_per_email",
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(confirmed_at__isnull=True),
                name="alertsubscription_one_pending_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def news_since(self) -> datetime.datetime:
        """From when a digest lists what was published: the last digest, else
        the confirmation (nothing older than the subscription is news)."""
        return self.last_digest_at or self.confirmed_at or self.created_at

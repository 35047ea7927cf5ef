"""Alerts: people who asked to hear, once a week or once a day at most, of new
calls and premises in the sectors they chose."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from creativecities.subscriptions.models import Cadence, Subscription, SubscriptionQuerySet
from directory.models import Sector


class AlertSubscriptionQuerySet(SubscriptionQuerySet["AlertSubscription"]):
    pass


class AlertSubscription(Subscription):
    """One address and its sectors, told of new calls and premises in a digest
    (weekly, or daily if chosen). The shared subscription's fields and flow
    (`creativecities.subscriptions`): unconfirmed until the person follows the
    link mailed to them; unsubscribing deletes the row. An address has at most
    one confirmed subscription, and at most one change waiting for its owner's
    confirmation, which replaces the confirmed one only once confirmed."""

    kind = "alerts"

    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), related_name="alert_subscriptions"
    )
    cadence = models.CharField(
        _("how often"), max_length=10, choices=Cadence.choices, default=Cadence.WEEKLY
    )

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

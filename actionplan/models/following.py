"""People who follow an action by email: told when a newly published version
changes its status, and when a new version of its plan is published."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from actionplan.models.actions import Action
from creativecities.subscriptions.models import Subscription, SubscriptionQuerySet


class FollowerQuerySet(SubscriptionQuerySet["Follower"]):
    pass


class Follower(Subscription):
    """An email address following one action of a plan, mailed at each
    publication of the plan (the shared subscription's fields and flow,
    `creativecities.subscriptions`).

    Double opt-in: a row is created unconfirmed and mails nothing but the
    confirmation link until its owner confirms. Unsubscribing deletes the row,
    so the address is no longer kept. The address is stored as typed and is
    unique per action whatever its case.
    """

    kind = "following"

    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        related_name="followers",
        verbose_name=_("action"),
    )

    objects = FollowerQuerySet.as_manager()

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(
                "action", Lower("email"), name="follower_one_per_action_and_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.action_id}"

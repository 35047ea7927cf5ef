"""People who follow an action by email: told when a newly published version
changes its status, and when a new version of its plan is published."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models.actions import Action


class FollowerQuerySet(models.QuerySet["Follower"]):
    def confirmed(self) -> FollowerQuerySet:
        return self.filter(confirmed_at__isnull=False)


class Follower(models.Model):
    """An email address following one action of a plan.

    Double opt-in: a row is created unconfirmed and mails nothing but the
    confirmation link until its owner confirms. Unsubscribing deletes the row,
    so the address is no longer kept. The address is stored as typed and is
    unique per action whatever its case.
    """

    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        related_name="followers",
        verbose_name=_("action"),
    )
    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

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

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

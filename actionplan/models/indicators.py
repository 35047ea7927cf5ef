"""Indicators of an action and the dated values partners record for them."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models.actions import Action
from actionplan.progress import Progress, indicator_progress
from creativecities import formatting
from directory.models import User

# What partners edit on the workspace's indicator form (and the update service
# may set); the history keeps these and the order staff give in the admin.
INDICATOR_FIELDS = ("name", "unit", "baseline", "target", "target_date")
INDICATOR_TRACKED = (*INDICATOR_FIELDS, "order")


class Indicator(models.Model):
    """How an action's result is measured: from a baseline towards a target.

    The target may lie below the baseline (fewer vacant premises); it may be
    missing while the partners agree on it. Progress is derived from the latest
    update by `actionplan.progress.indicator_progress`, never stored.
    """

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("action")
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ("action", "order", "pk")

    def __str__(self) -> str:
        return self.name

    def latest_update(self) -> IndicatorUpdate | None:
        """The most recent update; reads the prefetched ones when there are."""
        updates = list(self.updates.all())
        return max(updates, key=lambda u: (u.measured_on, u.pk)) if updates else None

    def progress(self, today: datetime.date | None = None) -> Progress:
        latest = self.latest_update()
        return indicator_progress(
            baseline=self.baseline,
            target=self.target,
            latest=latest.value if latest else None,
            start=self.action.starts_on,
            target_date=self.target_date,
            today=today or timezone.localdate(),
        )


class IndicatorUpdate(models.Model):
    """A value measured on a date, with who recorded it and why it moved."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="updates", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    measured_on = models.DateField(_("measured on"), default=timezone.localdate)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("indicator update")
        verbose_name_plural = _("indicator updates")
        ordering = ("-measured_on", "-pk")

    def __str__(self) -> str:
        value, day = formatting.number(self.value), formatting.day(self.measured_on)
        return f"{self.indicator}: {value} {self.indicator.unit} ({day})".replace("  ", " ")

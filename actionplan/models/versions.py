"""Published versions: what the public reads, frozen when the coordinator publishes."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models.plans import Plan
from directory.models import User


class PlanVersionQuerySet(models.QuerySet["PlanVersion"]):
    def latest_of(self, plan: Plan) -> PlanVersion | None:
        return self.filter(plan=plan).order_by("-number").first()


class PlanVersion(models.Model):
    """A published version of a plan, frozen as JSON (`actionplan.published`).

    Edits made after publishing change the plan's rows, never this copy: the
    public keeps reading it until the next version is published, and earlier
    versions stay readable. The snapshot's shape is documented in
    the package `actionplan/published/`, which alone writes and reads it.
    """

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="versions", verbose_name=_("plan")
    )
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("snapshot"))
    note = models.CharField(_("what this version brings"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ("plan", "-number")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

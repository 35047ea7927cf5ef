"""Actions of the plan and their dated milestones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models.plans import Plan, Theme
from directory.models import Partner, Sector

# Partners write actions, milestones and indicators in English, the project's
# common language, while the plan and its themes have a text in each language:
# an Italian page shows these texts as they are, marked as English.
WORKING_LANGUAGE = "en"

# How a published version keeps a field (`actionplan.published.values` writes,
# reads, shows and exports each kind one way).
PublishedAs = Literal["text", "date", "amount", "status", "partner", "involved_partners", "sectors"]


@dataclass(frozen=True)
class ActionField:
    """One field of an action and every place it goes.

    `role`: "content" is what partners write on the workspace's action form,
    kept by the history and given back by a revert; "arrangement" is set by
    staff in the admin, kept and given back likewise; "workflow" moves only
    through `ACTION_WORKFLOW`: kept by the history, never given back by a
    revert, read-only in the admin. `published`: how a published version keeps
    it (None: not in versions), which also makes it a field the public's
    "what changed" page compares. `column`: its heading in the public CSV
    export, where columns follow this declaration's order (None: not exported).
    """

    name: str
    role: Literal["content", "arrangement", "workflow"]
    published: PublishedAs | None = None
    column: str | None = None


# The fields of an action, declared once: the workspace form, the admin, the
# history, the published versions (freezing, reading, differences) and the
# public CSV follow this list. A field added to the model goes here too, or in
# `ACTION_UNDECLARED` with the reason (a test compares both with the model);
# a published one also needs its attribute on `published.PublishedAction`.
ACTION_FIELDS: tuple[ActionField, ...] = (
    # The theme is the version's structure: a published action sits under it.
    ActionField("theme", "content"),
    ActionField("title", "content", published="text", column="action"),
    ActionField("status", "workflow", published="status", column="status"),
    ActionField("description", "content", published="text"),
    ActionField("objectives", "content", published="text"),
    ActionField("lead_partner", "content", published="partner", column="lead_partner"),
    ActionField("partners", "content", published="involved_partners", column="partners"),
    ActionField("starts_on", "content", published="date", column="starts_on"),
    ActionField("ends_on", "content", published="date", column="ends_on"),
    ActionField("budget_estimate", "content", published="amount", column="budget_estimate"),
    ActionField("funding_source", "content", published="text", column="funding_source"),
    ActionField("sectors", "content", published="sectors", column="sectors"),
    ActionField("order", "arrangement"),
)
ACTION_UNDECLARED = {
    "id": "the row's key: a published version keeps it as the action's id",
    "created_at": "set once when the action is added; shown read-only in the admin",
    "updated_at": "stamped by every save; shown read-only in the admin",
}
# What partners edit on the workspace form (and the update services may set).
ACTION_FORM_FIELDS = tuple(f.name for f in ACTION_FIELDS if f.role == "content")
# What a version of the action's history records, and what a revert gives back.
ACTION_TRACKED = tuple(f.name for f in ACTION_FIELDS)
ACTION_REVERTIBLE = tuple(f.name for f in ACTION_FIELDS if f.role != "workflow")
# Milestones: what partners edit and the history keeps.
MILESTONE_FIELDS = ("title", "due_on", "done_on")


class ActionQuerySet(models.QuerySet["Action"]):
    def of_plan(self, plan: Plan) -> ActionQuerySet:
        return self.filter(theme__plan=plan)

    def for_listing(self) -> ActionQuerySet:
        """What a list of actions shows: theme and lead partner in the same query."""
        return self.select_related("theme", "lead_partner").order_by(
            "theme__order", "theme_id", "order", "pk"
        )

    def for_snapshot(self) -> ActionQuerySet:
        """Everything a frozen version holds, in a fixed number of queries."""
        from actionplan.models.indicators import Indicator, IndicatorUpdate

        return self.for_listing().prefetch_related(
            "partners",
            "sectors",
            "milestones",
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch(
                        "updates", queryset=IndicatorUpdate.objects.order_by("measured_on", "pk")
                    )
                ),
            ),
        )


class Action(models.Model):
    """One thing the partners commit to do, led by one partner with others.

    Its status moves through `actionplan.services.actions.ACTION_WORKFLOW`, the
    portal's one workflow mechanism, so every change of status is a dated
    `StateChange`: the public action page's timeline.
    """

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DELAYED = "delayed", _("Delayed")

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="actions", verbose_name=_("theme")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    lead_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="led_actions",
        verbose_name=_("lead partner"),
    )
    partners = models.ManyToManyField(
        Partner, related_name="involved_actions", blank=True, verbose_name=_("partners involved")
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    budget_estimate = models.DecimalField(
        _("budget estimate (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    sectors = models.ManyToManyField(
        Sector, related_name="plan_actions", blank=True, verbose_name=_("sectors")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ("theme", "order", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="action_period_ordered",
                violation_error_message=_("An action must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(budget_estimate__isnull=True) | models.Q(budget_estimate__gte=0),
                name="action_budget_not_negative",
                violation_error_message=_("A budget cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def plan(self) -> Plan:
        return self.theme.plan


class Milestone(models.Model):
    """A dated step of an action; `done_on` once it is reached."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("action")
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("reached"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ("due_on", "pk")

    def __str__(self) -> str:
        return self.title

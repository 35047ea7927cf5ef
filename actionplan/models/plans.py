"""The plan and its chapters (themes)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Sector

# What the coordinator edits on the workspace's forms, what the update services
# may set and what the history keeps, for the plan and for its themes.
PLAN_FIELDS = (
    "title_it",
    "title_en",
    "summary_it",
    "summary_en",
    "starts_on",
    "ends_on",
    "public_comments_open",
)
THEME_FIELDS = ("title_it", "title_en", "description_it", "description_en", "order", "sectors")


class PlanQuerySet(models.QuerySet["Plan"]):
    def public(self) -> PlanQuerySet:
        """Plans with at least one published version: the public reads those
        versions, never the plan's rows, whatever its status now."""
        from actionplan.models.versions import PlanVersion

        return self.filter(Exists(PlanVersion.objects.filter(plan=OuterRef("pk"))))


class Plan(models.Model):
    """The Joint Action Plan the partners write together.

    Its status says where the drafting stands; what the public reads is the
    last `PlanVersion`, a frozen copy made when the coordinator publishes.
    `version` is the number of that last published version (0: never published).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("In consultation")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period to"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("published version"), default=0, editable=False)
    public_comments_open = models.BooleanField(
        _("open to public comments"),
        default=False,
        help_text=_("During a consultation, anyone may comment; comments are moderated."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ("-starts_on", "slug")
        permissions = [("coordinate_plan", _("Can coordinate action plans"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="plan_period_ordered",
                violation_error_message=_("The period must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def in_consultation(self) -> bool:
        return self.status == self.Status.CONSULTATION

    @property
    def open_to_public_comments(self) -> bool:
        return self.in_consultation and self.public_comments_open


class Theme(models.Model):
    """A chapter of the plan, tied to the sectors it concerns."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="themes", verbose_name=_("plan")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        Sector, related_name="plan_themes", blank=True, verbose_name=_("sectors")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ("plan", "order", "pk")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.title:
            # On the Italian title, the one a form has (and requires): a form
            # without a field named "title" cannot show an error on it.
            raise ValidationError({"title_it": _("A theme needs a title.")})

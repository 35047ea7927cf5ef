"""Benchmarking: a shared dictionary of cluster indicators and each partner's
yearly value for its city, so that the cities compare themselves side by side."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Partner, User

FIRST_YEAR = 2000
LAST_YEAR = 2100


class BenchmarkIndicatorQuerySet(models.QuerySet["BenchmarkIndicator"]):
    def with_values(self) -> BenchmarkIndicatorQuerySet:
        """Every indicator with its values and their partners, in two queries more."""
        return self.prefetch_related(
            models.Prefetch(
                "values",
                queryset=BenchmarkValue.objects.select_related("partner").order_by(
                    "year", "partner__order", "partner__name"
                ),
            )
        )


class BenchmarkIndicator(models.Model):
    """A cluster indicator every partner city reports in the same way.

    The definition, unit and source are shared so that a value from Pécs means
    what a value from Genoa means; the direction says which way is better, so
    a comparison never has to guess.
    """

    class Frequency(models.TextChoices):
        ANNUAL = "annual", _("Every year")
        BIENNIAL = "biennial", _("Every two years")
        ONCE = "once", _("Once in the project")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    unit = models.CharField(_("unit"), max_length=60, help_text=_("For example: %, businesses, €"))
    source = models.CharField(
        _("recommended source"),
        max_length=300,
        help_text=_("Where partners should take the figure from, so that cities compare."),
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.ANNUAL
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = BenchmarkIndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("benchmark indicator")
        verbose_name_plural = _("benchmark indicators")
        ordering = ("order", "slug")

    def __str__(self) -> str:
        return self.name


class BenchmarkValueQuerySet(models.QuerySet["BenchmarkValue"]):
    def of_partner(self, partner: Partner) -> BenchmarkValueQuerySet:
        return self.filter(partner=partner).select_related("indicator")


class BenchmarkValue(models.Model):
    """One partner's value of one indicator for one year, with where it came from.

    One value per indicator, partner and year: recording it again corrects it.
    """

    indicator = models.ForeignKey(
        BenchmarkIndicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("indicator"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="benchmark_values",
        verbose_name=_("partner"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source link"), blank=True)
    recorded_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = BenchmarkValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("benchmark value")
        verbose_name_plural = _("benchmark values")
        ordering = ("indicator", "year", "partner")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "partner", "year"],
                name="benchmark_value_one_per_year",
                violation_error_message=_(
                    "This partner already has a value of this indicator for this year."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="benchmark_value_year_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.partner.city} · {self.year}: {self.value}"

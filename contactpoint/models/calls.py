"""Funding opportunities (bandi) the desk publishes, with a status derived from
their dates at the moment of each request, so that it is never stored stale."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, IntegerField, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from contactpoint.models.publication import FirstPublication
from creativecities.fields import Declared
from creativecities.lists.search import SearchableQuerySet, SearchDocument, Weighted
from directory.models import Organisation, Sector

# A call "closes soon" when its deadline falls within this many calendar days.
CLOSING_SOON_DAYS = 14


class CallStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSING = "closing", _("Closing within 14 days")
    CLOSED = "closed", _("Closed")


def closing_soon_limit(now: datetime.datetime) -> datetime.datetime:
    """The instant before which a deadline counts as "closing soon".

    Fourteen calendar days on Genoa's wall clock: adding days to a datetime in
    the local zone keeps the clock time, so across a daylight-saving change the
    window is 335 or 337 hours, as a person counting days on a calendar expects.
    """
    return timezone.localtime(now) + datetime.timedelta(days=CLOSING_SOON_DAYS)


def call_status(
    *, opens_at: datetime.datetime, closes_at: datetime.datetime, now: datetime.datetime
) -> CallStatus:
    """The one rule the property and the SQL annotation both follow.

    A call is open from its opening instant (included) to its deadline
    (excluded): at the deadline it is closed.
    """
    if now < opens_at:
        return CallStatus.FORTHCOMING
    if now >= closes_at:
        return CallStatus.CLOSED
    if closes_at <= closing_soon_limit(now):
        return CallStatus.CLOSING
    return CallStatus.OPEN


def days_to_deadline(*, closes_at: datetime.datetime, now: datetime.datetime) -> int:
    """Whole calendar days, on Genoa's wall clock, from today to the last day one
    can apply: 0 on that day itself.

    A deadline at midnight closes the call as the day before ends, so that day is
    the last one ("closes today" on it, not "closes in 1 day").
    """
    last_day = timezone.localtime(closes_at - datetime.timedelta(microseconds=1)).date()
    return (last_day - timezone.localtime(now).date()).days


class _CallDates(Func):
    """A CASE over a call's two dates, as one expression.

    With `Case(When(...))` Django resolves every condition as a filter and
    copies every part of it for each query that uses it: the calls list, which
    orders by two such expressions and counts and pages with them, spent more
    time building its SQL than rendering its cards. Here the SQL is written
    once; only the two columns are resolved. `{opens}` and `{closes}` stand for
    them in `sql`, `%s` for `params` in order.
    """

    def __init__(self, sql: str, params: Sequence[Any], output_field: models.Field[Any, Any]):
        super().__init__(F("opens_at"), F("closes_at"), output_field=output_field)
        self.sql, self.params = sql, tuple(params)

    # Its parameters are dates, not the `str | int` of the stubs.
    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, *args: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        (opens, opens_params), (closes, closes_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        if opens_params or closes_params:
            raise ValueError("A call's dates are plain columns.")
        return self.sql.format(opens=opens, closes=closes), list(self.params)


class FundingCallQuerySet(SearchableQuerySet["FundingCall"]):
    def published(self) -> FundingCallQuerySet:
        return self.filter(is_published=True)

    def with_status(self, now: datetime.datetime | None = None) -> FundingCallQuerySet:
        """Annotate `status` (the CallStatus value) and `status_rank` (0 while the
        call can still be applied for, 1 once closed), computed by the database
        from the same instant and rule as `call_status`."""
        now = now or timezone.now()
        status = _CallDates(
            "CASE WHEN {opens} > %s THEN %s WHEN {closes} <= %s THEN %s"
            " WHEN {closes} <= %s THEN %s ELSE %s END",
            [
                now, CallStatus.FORTHCOMING.value,
                now, CallStatus.CLOSED.value,
                closing_soon_limit(now), CallStatus.CLOSING.value,
                CallStatus.OPEN.value,
            ],
            models.CharField(),
        )  # fmt: skip
        rank = _CallDates("CASE WHEN {closes} <= %s THEN 1 ELSE 0 END", [now], IntegerField())
        return self.annotate(status=status, status_rank=rank)

    def by_deadline(self, now: datetime.datetime | None = None) -> FundingCallQuerySet:
        """Calls one can still apply for first, soonest deadline first; then the
        closed ones, the most recently closed first."""
        now = now or timezone.now()
        deadline_ahead = _CallDates(
            "CASE WHEN {closes} > %s THEN {closes} END", [now], models.DateTimeField()
        )
        return self.with_status(now).order_by(
            F("status_rank"), deadline_ahead.asc(nulls_last=True), F("closes_at").desc(), "id"
        )

    def in_sector(self, sector: Sector | int) -> FundingCallQuerySet:
        return self.filter(sectors=sector)

    def for_sectors(self, sector_ids: list[int]) -> FundingCallQuerySet:
        """Calls for any of the sectors (each call once), for the alerts digest."""
        matching = FundingCall.objects.filter(sectors__in=sector_ids).values("pk")
        return self.filter(pk__in=matching)

    def published_since(self, since: datetime.datetime) -> FundingCallQuerySet:
        """Calls first published at or after `since`, for the alerts digest."""
        return self.filter(published_at__gte=since)


class FundingCall(FirstPublication, models.Model):
    """A funding opportunity: who funds it, for whom, how much and until when.

    Its fields are declared once, in `CALL_FIELDS` below the class: a field
    added here goes there too (or among its `undeclared`, with the reason).
    """

    class Funder(models.TextChoices):
        EU = "eu", _("European Union")
        NATIONAL = "national", _("National government")
        REGION = "region", _("Regione Liguria")
        MUNICIPALITY = "municipality", _("Comune di Genova")
        FOUNDATION = "foundation", _("Foundation")
        PRIVATE = "private", _("Private funder")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    funder = models.CharField(_("funder"), max_length=20, choices=Funder.choices)
    funder_name = models.CharField(
        _("funder's name"),
        max_length=200,
        blank=True,
        help_text=_("The body that issues the call, e.g. the name of the foundation."),
    )
    description = models.TextField(_("description"))
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("eligible sectors"), related_name="funding_calls", blank=True
    )
    organisation_kinds = ArrayField(
        models.CharField(max_length=20, choices=Organisation.Kind.choices),
        verbose_name=_("eligible kinds of organisation"),
        default=list,
        blank=True,
        help_text=_("Leave empty when any kind of organisation may apply."),
    )
    amount_min = models.DecimalField(
        _("smallest grant (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_max = models.DecimalField(
        _("largest grant (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cofinancing_rate = models.PositiveSmallIntegerField(
        _("co-financing rate (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("The share of the costs the call covers."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("deadline"))
    official_url = models.URLField(_("official call"), max_length=500)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Kept current from `search_document` by the history's hook (`plugs.py`).
    search_vector = SearchVectorField(null=True, editable=False)
    versions = GenericRelation("creativecities.Version")

    objects = FundingCallQuerySet.as_manager()

    # Titles as typed (A), each language's title and description stemmed in its
    # language (B), the sectors' names (C).
    search_document = SearchDocument(
        (
            Weighted("A", "simple", ("title_it", "title_en", "funder_name")),
            Weighted("B", "italian", ("title_it", "description_it")),
            Weighted("B", "english", ("title_en", "description_en")),
            Weighted("C", "italian", ("sectors__name_it",)),
            Weighted("C", "english", ("sectors__name_en",)),
        )
    )

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ("-closes_at",)
        indexes = [
            models.Index(fields=["is_published", "closes_at"], name="fundingcall_deadline"),
            models.Index(fields=["published_at"], name="fundingcall_published"),
            GinIndex(fields=["search_vector"], name="fundingcall_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="fundingcall_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=F("amount_max")),
                name="fundingcall_amount_range",
            ),
            models.CheckConstraint(
                condition=Q(cofinancing_rate__lte=100), name="fundingcall_rate_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contactpoint:call", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The deadline must come after the opening.")
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            errors["amount_max"] = _("The largest grant cannot be smaller than the smallest.")
        if errors:
            raise ValidationError(errors)

    def status_at(self, now: datetime.datetime) -> CallStatus:
        return call_status(opens_at=self.opens_at, closes_at=self.closes_at, now=now)

    @property
    def current_status(self) -> CallStatus:
        """The status now; equal to the `status` annotation of `with_status()`
        taken at the same instant (a list reads the annotation)."""
        annotated = self.__dict__.get("status")
        if annotated is not None:
            return CallStatus(annotated)
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        """The status as the badge says it: while the call closes soon, how soon
        ("Closes in 2 days", "Closes today"), which "closing within 14 days" hides."""
        status = self.current_status
        if status != CallStatus.CLOSING:
            return str(status.label)
        days = max(days_to_deadline(closes_at=self.closes_at, now=timezone.now()), 0)
        if days == 0:
            return gettext("Closes today")
        return ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}

    @property
    def is_open(self) -> bool:
        return self.current_status in (CallStatus.OPEN, CallStatus.CLOSING)

    def kind_labels(self) -> list[str]:
        return [str(Organisation.Kind(kind).label) for kind in self.organisation_kinds]


# The fields of a call, declared once, in the sections of its admin page: the
# admin's form and fieldsets and the history follow them.
CALL_FIELDS = Declared(
    sections=(
        (None, ("title", "slug", "funder", "funder_name", "description")),
        (_("Who may apply"), ("sectors", "organisation_kinds")),
        (
            _("Money and dates"),
            ("amount_min", "amount_max", "cofinancing_rate", "opens_at", "closes_at"),
        ),
        (
            _("Publication"),
            ("official_url", "is_published", "published_at", "created_at", "updated_at"),
        ),
    ),
    stamps=("published_at", "created_at", "updated_at"),
    undeclared={
        "id": "the row's key",
        "search_vector": "the search entry, written from `search_document` on every change",
        "versions": "the call's history (`directory.Version`), not a field staff edit",
    },
)

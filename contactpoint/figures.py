"""The desk's figures: the public service figures and the staff's statistics.

Both read enquiries that may have been anonymised: they count rows and use
dates, topic and sector, which anonymising keeps. The public figures are one
aggregate query over the last twelve months, kept in the cache for a few
minutes, since every visit of the desk's home shows them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from contactpoint.models import Enquiry, Topic
from directory import charts
from directory.reference import reference

FIGURES_TIMEOUT = 300
MONTHS = 12


class Median(Aggregate):
    """PostgreSQL's exact median of a duration (`percentile_cont` over the group)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _hours(value: datetime.timedelta | None) -> float | None:
    return None if value is None else round(value.total_seconds() / 3600, 1)


def _months_back(now: datetime.datetime, months: int) -> datetime.datetime:
    local = timezone.localtime(now)
    year, month = local.year, local.month - (months - 1)
    while month < 1:
        month += 12
        year -= 1
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def monthly(since: datetime.datetime) -> list[dict[str, Any]]:
    """Per month since `since`: enquiries received, median hours to the first
    answer and to closing, in one query."""
    to_answer = ExpressionWrapper(F("first_answered_at") - F("created_at"), DurationField())
    to_close = ExpressionWrapper(F("closed_at") - F("created_at"), DurationField())
    rows = (
        Enquiry.objects.filter(created_at__gte=since)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            received=Count("pk"),
            to_answer=Median(to_answer, filter=Q(first_answered_at__isnull=False)),
            to_close=Median(to_close, filter=Q(closed_at__isnull=False)),
        )
        .order_by("month")
    )
    return [
        {
            "month": row["month"],
            "label": date_format(row["month"], "YEAR_MONTH_FORMAT"),
            "received": row["received"],
            "to_answer": _hours(row["to_answer"]),
            "to_close": _hours(row["to_close"]),
        }
        for row in rows
    ]


def service_figures() -> dict[str, Any]:
    """The desk's home: month by month over the last year, with a chart."""
    key = f"contactpoint:service-figures:{get_language()}"
    figures: dict[str, Any] | None = cache.get(key)
    if figures is None:
        rows = monthly(_months_back(timezone.now(), MONTHS))
        figures = {
            "rows": rows,
            "chart": charts.line_chart([(row["label"], row["received"]) for row in rows]),
        }
        cache.set(key, figures, FIGURES_TIMEOUT)
    return figures


def statistics() -> dict[str, Any]:
    """The staff's statistics page: by month, topic and sector, answer times, backlog."""
    to_answer = ExpressionWrapper(F("first_answered_at") - F("created_at"), DurationField())
    rows = monthly(_months_back(timezone.now(), 24))
    topics = dict(Topic.choices)
    by_topic = [
        (str(topics.get(row["topic"], row["topic"])), row["n"])
        for row in Enquiry.objects.values("topic").annotate(n=Count("pk")).order_by("-n")
    ]
    names = {sector.pk: sector.name for sector in reference().sectors}
    by_sector = [
        (str(names.get(row["sector"], row["sector"])), row["n"])
        for row in Enquiry.objects.values("sector").annotate(n=Count("pk")).order_by("-n")
    ]
    overall = Enquiry.objects.aggregate(
        median=Median(to_answer, filter=Q(first_answered_at__isnull=False)),
        backlog=Count("pk", filter=Q(status__in=[Enquiry.Status.NEW, Enquiry.Status.ASSIGNED])),
        new=Count("pk", filter=Q(status=Enquiry.Status.NEW)),
        assigned=Count("pk", filter=Q(status=Enquiry.Status.ASSIGNED)),
        total=Count("pk"),
    )
    return {
        "months": rows,
        "by_month": charts.line_chart([(row["label"], row["received"]) for row in rows]),
        "by_topic": charts.bar_chart(by_topic),
        "by_sector": charts.bar_chart(by_sector),
        "median_to_answer": _hours(overall["median"]),
        "backlog": overall["backlog"],
        "new": overall["new"],
        "assigned": overall["assigned"],
        "total": overall["total"],
    }

"""The desk's figures: the public service figures and the staff's statistics.

Both read enquiries that may have been anonymised: they count rows and use
dates, topic and sector, which anonymising keeps. The public figures are one
query over the last twelve months, in working days as the service target
counts them, kept in the cache for a few minutes, since every visit of the
desk's home shows them.
"""

from __future__ import annotations

import datetime
from statistics import median_high
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from contactpoint.models import Enquiry, Topic
from contactpoint.workdays import working_days_between
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


# A month with fewer enquiries shows no answer time: one or two people's cases
# would be readable in it, and a median of so few says little.
FEWEST_FOR_TIMES = 5


def _median_days(spans: list[int]) -> int | None:
    """Whole working days, the higher middle of an even count (never flattering)."""
    return median_high(spans) if spans else None


def service_months(since: datetime.datetime) -> list[dict[str, Any]]:
    """Per month since `since`, in one query: enquiries received and the median
    working days (`contactpoint.workdays`) to the first answer and to closing;
    `hidden` when fewer than `FEWEST_FOR_TIMES` came, its times left out."""
    months: dict[datetime.date, dict[str, list[int]]] = {}
    received: dict[datetime.date, int] = {}
    rows = (
        Enquiry.objects.filter(created_at__gte=since)
        .order_by("created_at")
        .values_list("created_at", "first_answered_at", "closed_at")
    )
    for created, answered, closed in rows:
        month = timezone.localtime(created).date().replace(day=1)
        received[month] = received.get(month, 0) + 1
        spans = months.setdefault(month, {"to_answer": [], "to_close": []})
        if answered is not None:
            spans["to_answer"].append(working_days_between(created, answered))
        if closed is not None:
            spans["to_close"].append(working_days_between(created, closed))
    result = []
    for month, count in received.items():
        hidden = count < FEWEST_FOR_TIMES
        result.append(
            {
                "month": month,
                "label": date_format(month, "YEAR_MONTH_FORMAT"),
                "received": count,
                "hidden": hidden,
                "to_answer": None if hidden else _median_days(months[month]["to_answer"]),
                "to_close": None if hidden else _median_days(months[month]["to_close"]),
            }
        )
    return result


def service_figures() -> dict[str, Any]:
    """The desk's home: month by month over the last year, with a chart of the
    time to the first answer in working days (months with too few enquiries
    left out of it)."""
    key = f"contactpoint:service-figures:{get_language()}"
    figures: dict[str, Any] | None = cache.get(key)
    if figures is None:
        rows = service_months(_months_back(timezone.now(), MONTHS))
        points = [(row["label"], row["to_answer"]) for row in rows if row["to_answer"] is not None]
        figures = {
            "rows": rows,
            "chart": charts.line_chart(points) if points else None,
            "fewest": FEWEST_FOR_TIMES,
        }
        cache.set(key, figures, FIGURES_TIMEOUT)
    return figures


def statistics() -> dict[str, Any]:
    """The staff's statistics page: by month, topic and sector, answer times, backlog.

    Three passes over the enquiries whatever their number: by month (the last
    two years), by topic and by sector together with the backlog's counts
    (`GROUPING SETS`, which the ORM does not write), and the overall median."""
    to_answer = ExpressionWrapper(F("first_answered_at") - F("created_at"), DurationField())
    rows = monthly(_months_back(timezone.now(), 24))
    topics = dict(Topic.choices)
    names = {sector.pk: sector.name for sector in reference().sectors}
    by_topic: list[tuple[str, int]] = []
    by_sector: list[tuple[str, int]] = []
    counts = {"backlog": 0, "new": 0, "assigned": 0, "total": 0}
    for is_sector, topic, sector, total, new, assigned in _counts():
        if is_sector:
            by_sector.append((str(names.get(sector, sector)), total))
            continue
        by_topic.append((str(topics.get(topic, topic)), total))
        counts["total"] += total
        counts["new"] += new
        counts["assigned"] += assigned
        counts["backlog"] += new + assigned
    by_topic.sort(key=lambda item: -item[1])
    by_sector.sort(key=lambda item: -item[1])
    overall = Enquiry.objects.aggregate(
        median=Median(to_answer, filter=Q(first_answered_at__isnull=False))
    )
    return {
        "months": rows,
        "by_month": charts.line_chart([(row["label"], row["received"]) for row in rows]),
        "by_topic": charts.bar_chart(by_topic),
        "by_sector": charts.bar_chart(by_sector),
        "median_to_answer": _hours(overall["median"]),
        **counts,
    }


def _counts() -> list[tuple[bool, Any, Any, int, int, int]]:
    """Enquiries by topic and by sector in one pass, each group with its new and
    assigned ones: (by sector, topic, sector, enquiries, new, assigned)."""
    table = connection.ops.quote_name(Enquiry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT GROUPING(sector_id) = 0, topic, sector_id, COUNT(*),"  # noqa: S608 (the model's table)
            " COUNT(*) FILTER (WHERE status = %s), COUNT(*) FILTER (WHERE status = %s)"
            f" FROM {table} GROUP BY GROUPING SETS ((topic), (sector_id))",
            [Enquiry.Status.NEW, Enquiry.Status.ASSIGNED],
        )
        return list(cursor.fetchall())

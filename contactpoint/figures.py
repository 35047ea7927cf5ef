"""The desk's figures: the public service figures and the staff's statistics.

Both read enquiries that may have been anonymised: they count rows and use
dates, topic and sector, which anonymising keeps. The public figures are one
query over the last twelve months, in working days as the service target
counts them, kept in the cache for a few minutes, since every visit of the
desk's home shows them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from statistics import median_high
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Func, IntegerField
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from contactpoint.models import Enquiry, Topic
from contactpoint.workdays import DAY_ZERO, working_days_by_number
from creativecities import charts
from directory.reference import reference

FIGURES_TIMEOUT = 300
MONTHS = 12


def _months_back(now: datetime.datetime, months: int) -> datetime.datetime:
    local = timezone.localtime(now)
    year, month = local.year, local.month - (months - 1)
    while month < 1:
        month += 12
        year -= 1
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


# A month with fewer enquiries shows no answer time on the public page: one or
# two people's cases would be readable in it, and a median of so few says little.
FEWEST_FOR_TIMES = 5


def _median_days(spans: list[int]) -> int | None:
    """Whole working days, the higher middle of an even count (never flattering)."""
    return median_high(spans) if spans else None


@dataclass
class _Month:
    received: int = 0
    to_answer: list[int] = field(default_factory=list)
    to_close: list[int] = field(default_factory=list)


def _day_number(day: TruncDate) -> Func:
    """A local day as the number of days since `DAY_ZERO` (PostgreSQL's date
    difference), NULL for none."""
    return Func(
        day,
        template=f"(%(expressions)s - DATE '{DAY_ZERO.isoformat()}')",
        output_field=IntegerField(),
    )


def _working_day_spans(since: datetime.datetime) -> dict[datetime.date, _Month]:
    """Per month since `since`, in one query: enquiries received and the working
    days (`contactpoint.workdays`) each took to its first answer and to closing."""
    months: dict[datetime.date, _Month] = {}
    # Local day numbers from the database: a row costs a few look-ups in
    # Python, not a time zone conversion, date objects and a walk over the days.
    local = timezone.get_current_timezone()
    rows = (
        Enquiry.objects.filter(created_at__gte=since)
        .order_by("created_at")
        .values_list(
            _day_number(TruncDate("created_at", tzinfo=local)),
            _day_number(TruncDate("first_answered_at", tzinfo=local)),
            _day_number(TruncDate("closed_at", tzinfo=local)),
        )
    )
    month_of: dict[int, _Month] = {}
    for created, answered, closed in rows:
        month = month_of.get(created)
        if month is None:
            start = (DAY_ZERO + datetime.timedelta(days=created)).replace(day=1)
            month = month_of[created] = months.setdefault(start, _Month())
        month.received += 1
        if answered is not None:
            month.to_answer.append(working_days_by_number(created, answered))
        if closed is not None:
            month.to_close.append(working_days_by_number(created, closed))
    return months


def _month_rows(months: dict[datetime.date, _Month], *, fewest: int) -> list[dict[str, Any]]:
    """The table's rows: `hidden`, its times left out, when fewer than `fewest` came."""
    rows = []
    for month, spans in months.items():
        hidden = spans.received < fewest
        rows.append(
            {
                "month": month,
                "label": date_format(month, "YEAR_MONTH_FORMAT"),
                "received": spans.received,
                "hidden": hidden,
                "to_answer": None if hidden else _median_days(spans.to_answer),
                "to_close": None if hidden else _median_days(spans.to_close),
            }
        )
    return rows


def service_months(
    since: datetime.datetime, *, fewest: int = FEWEST_FOR_TIMES
) -> list[dict[str, Any]]:
    """Per month since `since`: enquiries received and the median working days
    to the first answer and to closing, left out (`hidden`) for a month with
    fewer than `fewest` enquiries."""
    return _month_rows(_working_day_spans(since), fewest=fewest)


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


# The staff's statistics reach further back than the public figures.
STAFF_MONTHS = 24


def statistics() -> dict[str, Any]:
    """The staff's statistics page: month by month over two years, in working
    days as the public figures and the service target count them (every month's
    times shown: staff read each enquiry anyway), by topic and sector, backlog.

    Two passes over the enquiries whatever their number: the months' working
    days (the last two years), and by topic and by sector together with the
    backlog's counts (`GROUPING SETS`, which the ORM does not write)."""
    months = _working_day_spans(_months_back(timezone.now(), STAFF_MONTHS))
    rows = _month_rows(months, fewest=0)
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
    answer_points = [
        (row["label"], row["to_answer"]) for row in rows if row["to_answer"] is not None
    ]
    return {
        "months": rows,
        "months_shown": STAFF_MONTHS,
        "by_month": charts.line_chart([(row["label"], row["received"]) for row in rows]),
        "answer_chart": charts.line_chart(answer_points) if answer_points else None,
        "by_topic": charts.bar_chart(by_topic),
        "by_sector": charts.bar_chart(by_sector),
        "median_to_answer": _median_days(
            [days for spans in months.values() for days in spans.to_answer]
        ),
        "target_days": settings.DESK_SERVICE_TARGET_WORKING_DAYS,
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

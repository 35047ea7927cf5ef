"""Working days in Genoa, for the desk's service target.

A working day is Monday to Friday, except Italy's national public holidays
(the fixed ones and Easter Monday) and Genoa's patron saint, St John the
Baptist (24 June). Small enough to keep here rather than add a calendar library.
"""

from __future__ import annotations

import datetime
from functools import cache

from django.utils import timezone

# (month, day): New Year, Epiphany, Liberation, Labour, Republic, Genoa's patron
# saint, Assumption, All Saints, Immaculate Conception, Christmas, St Stephen.
FIXED_HOLIDAYS = frozenset(
    {
        (1, 1),
        (1, 6),
        (4, 25),
        (5, 1),
        (6, 2),
        (6, 24),
        (8, 15),
        (11, 1),
        (12, 8),
        (12, 25),
        (12, 26),
    }
)


def easter_sunday(year: int) -> datetime.date:
    """Western Easter by the Gregorian computus (the "anonymous" algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


@cache
def holidays(year: int) -> frozenset[datetime.date]:
    fixed = {datetime.date(year, month, day) for month, day in FIXED_HOLIDAYS}
    return frozenset({*fixed, easter_sunday(year) + datetime.timedelta(days=1)})


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def working_days_between(start: datetime.datetime, end: datetime.datetime) -> int:
    """Whole working days after the day of `start` up to and including the day
    of `end`, in local time: an enquiry of Friday afternoon answered on Monday
    took one working day."""
    first = timezone.localtime(start).date()
    last = timezone.localtime(end).date()
    count = 0
    day = first + datetime.timedelta(days=1)
    while day <= last:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count


def working_days_after(start: datetime.datetime, days: int) -> datetime.date:
    """The day by which `days` working days have passed since `start`, as
    `working_days_between` counts them: the latest day an answer within the
    service target can come, for telling a requester when to expect it."""
    day = timezone.localtime(start).date()
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        counted += is_working_day(day)
    return day


def working_days_before(end: datetime.datetime, days: int) -> datetime.datetime:
    """The moment before which an enquiry has waited more than `days` working
    days at `end` (as `working_days_between` counts), for filtering in SQL."""
    day = timezone.localtime(end).date()
    counted = 0
    while counted < days:
        if is_working_day(day):
            counted += 1
        day -= datetime.timedelta(days=1)
    # Days off before it add no working day: an enquiry of the weekend before
    # counts the same as one of the Friday.
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time.min)
    return timezone.make_aware(start)

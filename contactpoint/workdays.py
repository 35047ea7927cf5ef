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
    return working_days_from_to(timezone.localtime(start).date(), timezone.localtime(end).date())


def working_days_from_to(first: datetime.date, last: datetime.date) -> int:
    """`working_days_between` for local days: the working days after `first`
    up to and including `last` (none when `last` is not after `first`). Two
    look-ups in a running count, so that the desk's statistics can count tens of
    thousands of enquiries at once."""
    return max(0, _running_count(last) - _running_count(first))


# The running count starts at this year: a day's count is the working days
# from its 1 January up to it, plus those of the years between (negative before).
_EPOCH_YEAR = 2000


@cache
def _year_counts(year: int) -> tuple[int, ...]:
    """For each day of `year` (0 for 1 January), the working days from 1 January
    up to and including it."""
    day, counts, count = datetime.date(year, 1, 1), [], 0
    while day.year == year:
        count += is_working_day(day)
        counts.append(count)
        day += datetime.timedelta(days=1)
    return tuple(counts)


@cache
def _years_before(year: int) -> int:
    """Working days from the epoch's 1 January up to the end of `year - 1`."""
    if year == _EPOCH_YEAR:
        return 0
    if year > _EPOCH_YEAR:
        return _years_before(year - 1) + _year_counts(year - 1)[-1]
    return _years_before(year + 1) - _year_counts(year)[-1]


def _running_count(day: datetime.date) -> int:
    return _years_before(day.year) + _year_counts(day.year)[day.timetuple().tm_yday - 1]


#: Day numbers count days from this one (`working_days_by_number`).
DAY_ZERO = datetime.date(_EPOCH_YEAR, 1, 1)


@cache
def _running_count_of_number(number: int) -> int:
    return _running_count(DAY_ZERO + datetime.timedelta(days=number))


def working_days_by_number(first: int, last: int) -> int:
    """`working_days_from_to` for day numbers (days since `DAY_ZERO`), as the
    database can give them without making a date object per row."""
    return max(0, _running_count_of_number(last) - _running_count_of_number(first))


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

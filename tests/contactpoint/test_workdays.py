"""Working days in Genoa: what the desk's service target counts."""

import datetime
import random
from zoneinfo import ZoneInfo

import pytest

from contactpoint.workdays import (
    DAY_ZERO,
    easter_sunday,
    is_working_day,
    working_days_after,
    working_days_between,
    working_days_by_number,
    working_days_from_to,
)

ROME = ZoneInfo("Europe/Rome")


def at(day: str, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=ROME
    )


@pytest.mark.parametrize(
    ("year", "sunday"), [(2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28")]
)
def test_easter_falls_on_the_calendar_s_date(year: int, sunday: str) -> None:
    assert easter_sunday(year) == datetime.date.fromisoformat(sunday)


@pytest.mark.parametrize(
    "day",
    [
        "2026-04-06",  # Easter Monday
        "2026-06-24",  # St John the Baptist, Genoa's patron saint (a Wednesday)
        "2026-12-08",  # Immaculate Conception (a Tuesday)
        "2026-12-12",  # a Saturday
        "2026-12-13",  # a Sunday
    ],
)
def test_holidays_and_weekends_are_not_working_days(day: str) -> None:
    assert not is_working_day(datetime.date.fromisoformat(day))


def test_a_friday_enquiry_answered_on_monday_took_one_working_day() -> None:
    assert working_days_between(at("2026-12-04", 16), at("2026-12-07", 9)) == 1


def test_easter_monday_is_skipped_when_counting_and_when_promising() -> None:
    # Thursday 2 April to Tuesday 7 April 2026: Friday 3 and Tuesday 7.
    assert working_days_between(at("2026-04-02"), at("2026-04-07")) == 2
    # Two working days after Thursday 2 April: Friday 3, then Tuesday 7.
    assert working_days_after(at("2026-04-02"), 2) == datetime.date(2026, 4, 7)


def test_the_running_count_agrees_with_a_walk_over_the_days_across_years() -> None:
    def walked(first: datetime.date, last: datetime.date) -> int:
        days = (first + datetime.timedelta(days=n) for n in range(1, (last - first).days + 1))
        return sum(is_working_day(day) for day in days)

    generator = random.Random(24)  # noqa: S311 (test dates, not secrets)
    for _ in range(300):
        first = datetime.date(1998, 1, 1) + datetime.timedelta(days=generator.randrange(12_000))
        last = first + datetime.timedelta(days=generator.randrange(-5, 800))
        assert working_days_from_to(first, last) == walked(first, last), (first, last)
        # The same count from the day numbers the database gives.
        by_number = working_days_by_number((first - DAY_ZERO).days, (last - DAY_ZERO).days)
        assert by_number == walked(first, last), (first, last)
    # Across a year's end, a leap day and Easter Monday.
    assert working_days_from_to(datetime.date(2027, 12, 31), datetime.date(2028, 1, 3)) == 1
    assert working_days_from_to(datetime.date(2028, 2, 28), datetime.date(2028, 3, 1)) == 2
    assert working_days_from_to(datetime.date(2026, 4, 3), datetime.date(2026, 4, 7)) == 1

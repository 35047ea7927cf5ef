"""Working days in Genoa: what the desk's service target counts."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from contactpoint.workdays import (
    easter_sunday,
    is_working_day,
    working_days_after,
    working_days_between,
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

"""The status of a call, derived from its dates at the moment asked: the model's
property and the database's annotation follow one rule and always agree."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from contactpoint.models import CallStatus, FundingCall
from contactpoint.models.calls import days_to_deadline
from tests.contactpoint.factories_calls import FundingCallFactory
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
SECOND = datetime.timedelta(seconds=1)


def calls_rome(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=ROME)  # type: ignore[misc]


def calls_status_both_ways(call: FundingCall, now: datetime.datetime) -> CallStatus:
    """The property's status, after checking the annotation says the same.

    The instant is given in UTC, as `timezone.now()` gives it."""
    now = now.astimezone(datetime.UTC)
    annotated = FundingCall.objects.with_status(now).get(pk=call.pk)
    assert annotated.status == call.status_at(now)  # type: ignore[attr-defined]
    return call.status_at(now)


DEADLINE = calls_rome(2027, 6, 15, 12, 0)
OPENING = calls_rome(2027, 5, 1, 9, 0)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENING - SECOND, CallStatus.FORTHCOMING),
        (OPENING, CallStatus.OPEN),
        (OPENING + SECOND, CallStatus.OPEN),
        (DEADLINE - datetime.timedelta(days=14) - SECOND, CallStatus.OPEN),
        (DEADLINE - datetime.timedelta(days=14), CallStatus.CLOSING),
        (DEADLINE - SECOND, CallStatus.CLOSING),
        (DEADLINE, CallStatus.CLOSED),
        (DEADLINE + SECOND, CallStatus.CLOSED),
    ],
    ids=[
        "second-before-opening",
        "at-opening",
        "second-after-opening",
        "second-before-closing-window",
        "closing-window-starts",
        "second-before-deadline",
        "at-deadline",
        "second-after-deadline",
    ],
)
def test_the_status_around_the_opening_and_the_deadline(
    now: datetime.datetime, expected: CallStatus
) -> None:
    call = FundingCallFactory(opens_at=OPENING, closes_at=DEADLINE)

    assert calls_status_both_ways(call, now) == expected


@pytest.mark.parametrize(
    ("now", "deadline", "expected"),
    [
        # Spring forward (28 March 2027): the fourteen calendar days from noon on
        # 20 March end at noon on 3 April, one hour earlier than 336 hours would.
        (calls_rome(2027, 3, 20, 12), calls_rome(2027, 4, 3, 12), CallStatus.CLOSING),
        (calls_rome(2027, 3, 20, 12), calls_rome(2027, 4, 3, 12, 30), CallStatus.OPEN),
        # Fall back (31 October 2027): the window is 337 hours long.
        (calls_rome(2027, 10, 25, 12), calls_rome(2027, 11, 8, 11, 30), CallStatus.CLOSING),
        (calls_rome(2027, 10, 25, 12), calls_rome(2027, 11, 8, 12), CallStatus.CLOSING),
        (
            calls_rome(2027, 10, 25, 12),
            calls_rome(2027, 11, 8, 12) + SECOND,
            CallStatus.OPEN,
        ),
    ],
    ids=[
        "spring-at-limit",
        "spring-after-limit",
        "autumn-extra-hour",
        "autumn-at-limit",
        "autumn-after",
    ],
)
def test_the_closing_window_counts_calendar_days_across_daylight_saving(
    now: datetime.datetime, deadline: datetime.datetime, expected: CallStatus
) -> None:
    call = FundingCallFactory(opens_at=now - datetime.timedelta(days=30), closes_at=deadline)

    assert calls_status_both_ways(call, now) == expected


def test_the_status_is_never_stored_and_follows_the_clock() -> None:
    now = timezone.now()
    call = FundingCallFactory(opens_at=now - datetime.timedelta(days=1), closes_at=now + SECOND)

    assert call.status_at(now) == CallStatus.CLOSING
    assert call.status_at(now + SECOND) == CallStatus.CLOSED
    assert "status" not in {field.name for field in FundingCall._meta.get_fields()}


def test_the_current_status_reads_the_annotation_when_there_is_one() -> None:
    now = timezone.now()
    FundingCallFactory(opens_at=now + datetime.timedelta(days=1))

    (annotated,) = FundingCall.objects.with_status(now - datetime.timedelta(days=400))
    plain = FundingCall.objects.get()

    assert annotated.current_status == CallStatus.FORTHCOMING
    assert plain.current_status == CallStatus.FORTHCOMING


def test_calls_one_can_apply_for_come_first_by_deadline_then_the_closed_ones() -> None:
    now = timezone.now()
    day = datetime.timedelta(days=1)
    closed_long_ago = FundingCallFactory(opens_at=now - 90 * day, closes_at=now - 60 * day)
    closed_lately = FundingCallFactory(opens_at=now - 90 * day, closes_at=now - day)
    open_later = FundingCallFactory(opens_at=now - day, closes_at=now + 60 * day)
    closing = FundingCallFactory(opens_at=now - day, closes_at=now + 3 * day)
    forthcoming = FundingCallFactory(opens_at=now + 5 * day, closes_at=now + 20 * day)

    ordered = list(FundingCall.objects.by_deadline(now))

    assert ordered == [closing, forthcoming, open_later, closed_lately, closed_long_ago]


def test_the_digest_helpers_pick_new_published_calls_of_the_sectors() -> None:
    design, music, cinema = SectorFactory.create_batch(3)
    since = timezone.now() - datetime.timedelta(days=7)
    new = FundingCallFactory(sectors=[design, music])
    FundingCallFactory(sectors=[design], published_at=since - datetime.timedelta(days=1))
    FundingCallFactory(sectors=[cinema])
    FundingCallFactory(sectors=[design], is_published=False, published_at=None)

    found = (
        FundingCall.objects.published().published_since(since).for_sectors([design.pk, music.pk])
    )

    assert list(found) == [new]


@pytest.mark.parametrize(
    ("closes_at", "now", "days"),
    [
        (calls_rome(2027, 6, 15, 12, 0), calls_rome(2027, 6, 15, 9, 0), 0),
        (calls_rome(2027, 6, 16, 0, 0), calls_rome(2027, 6, 15, 9, 0), 0),
        (calls_rome(2027, 6, 16, 0, 1), calls_rome(2027, 6, 15, 23, 59), 1),
        (calls_rome(2027, 6, 17, 12, 0), calls_rome(2027, 6, 15, 23, 59), 2),
    ],
    ids=["same-day", "midnight-is-the-day-before", "next-day", "two-days"],
)
def test_days_to_deadline_count_calendar_days_in_genoa(
    closes_at: datetime.datetime, now: datetime.datetime, days: int
) -> None:
    assert days_to_deadline(closes_at=closes_at, now=now.astimezone(datetime.UTC)) == days


@pytest.mark.parametrize(
    ("days", "english", "italian"),
    [
        (2, "Closes in 2 days", "Chiude tra 2 giorni"),
        (1, "Closes in 1 day", "Chiude tra 1 giorno"),
        (0, "Closes today", "Chiude oggi"),
    ],
)
def test_a_call_closing_soon_says_how_soon(days: int, english: str, italian: str) -> None:
    """ "Closing within 14 days" hid whether a call closed tomorrow or in two weeks."""
    now = timezone.localtime()
    closes_at = (now + datetime.timedelta(days=days)).replace(hour=23, minute=59)
    call = FundingCallFactory.create(closes_at=closes_at)

    with translation.override("en"):
        assert call.status_label == english
    with translation.override("it"):
        assert call.status_label == italian
    open_call = FundingCallFactory.create(closes_at=now + datetime.timedelta(days=30))
    with translation.override("it"):
        assert open_call.status_label == "Aperto"

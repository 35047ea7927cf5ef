"""The deadlines as iCalendar, read back with the parser that wrote them, and
the new calls as Atom, read back as XML."""

import datetime
import re
import xml.etree.ElementTree as ET
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from contactpoint.models import FundingCall
from tests.contactpoint.factories_calls import FundingCallFactory
from tests.directory.factories import SectorFactory
from tests.text import store_raw

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
ATOM = "{http://www.w3.org/2005/Atom}"


def calls_calendar(
    client: Client, name: str = "contactpoint:calls_ical", **kwargs: str
) -> Calendar:
    with translation.override("en"):
        url = reverse(name, kwargs=kwargs or None)
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def calls_events(calendar: Calendar) -> dict[str, object]:
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_each_deadline_is_an_event_on_genoa_time_with_its_zone(client: Client) -> None:
    deadline = datetime.datetime(2099, 3, 31, 10, 0, tzinfo=datetime.UTC)  # noon, summer time
    FundingCallFactory(title_en="Summer", closes_at=deadline)
    FundingCallFactory(
        title_en="Winter", closes_at=datetime.datetime(2099, 1, 15, 16, 0, tzinfo=datetime.UTC)
    )

    calendar = calls_calendar(client)
    events = calls_events(calendar)

    summer = events["Deadline: Summer"]
    start = summer.decoded("dtstart")  # type: ignore[attr-defined]
    assert start == deadline
    assert (start.hour, str(start.tzinfo)) == (12, "Europe/Rome")
    assert summer["dtstart"].params["TZID"] == "Europe/Rome"  # type: ignore[index]
    winter_start = events["Deadline: Winter"].decoded("dtstart")  # type: ignore[attr-defined]
    assert winter_start.hour == 17
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]


def test_uids_stay_the_same_and_stamps_are_in_utc(client: Client) -> None:
    call = FundingCallFactory(title_en="Stable")

    first = calls_events(calls_calendar(client))["Deadline: Stable"]
    call.cofinancing_rate = 75
    call.save()
    again = calls_events(calls_calendar(client))["Deadline: Stable"]

    assert first["uid"] == again["uid"]  # type: ignore[index]
    assert str(first["uid"]).startswith(f"funding-call-{call.pk}-")  # type: ignore[index]
    stamp = again.decoded("dtstamp")  # type: ignore[attr-defined]
    assert stamp.utcoffset() == datetime.timedelta(0)
    assert again["dtstamp"].to_ical().endswith(b"Z")  # type: ignore[index]


def test_the_calendar_leaves_out_drafts_and_long_closed_calls(client: Client) -> None:
    now = timezone.now()
    FundingCallFactory(title_en="Published")
    FundingCallFactory(title_en="Draft", is_published=False)
    FundingCallFactory(
        title_en="Ancient",
        opens_at=now - datetime.timedelta(days=900),
        closes_at=now - datetime.timedelta(days=800),
    )

    assert set(calls_events(calls_calendar(client))) == {"Deadline: Published"}


def test_a_sector_calendar_has_only_that_sector_deadlines(client: Client) -> None:
    design, cinema = SectorFactory.create_batch(2)
    FundingCallFactory(title_en="Design", sectors=[design])
    FundingCallFactory(title_en="Cinema", sectors=[cinema])

    calendar = calls_calendar(client, "contactpoint:calls_ical_sector", sector=design.slug)

    assert set(calls_events(calendar)) == {"Deadline: Design"}
    assert design.name_it in str(calendar["x-wr-calname"]) or design.name_en in str(
        calendar["x-wr-calname"]
    )
    with translation.override("en"):
        missing = reverse("contactpoint:calls_ical_sector", kwargs={"sector": "nowhere"})
    assert client.get(missing).status_code == HTTPStatus.NOT_FOUND


def test_the_atom_feed_is_well_formed_and_lists_new_calls_newest_first(client: Client) -> None:
    now = timezone.now()
    FundingCallFactory(
        title_en="Older",
        published_at=now - datetime.timedelta(days=3),
        closes_at=datetime.datetime(2099, 3, 31, 10, 0, tzinfo=datetime.UTC),
    )
    FundingCallFactory(title_en="Newer & better", published_at=now)
    FundingCallFactory(title_en="Draft", is_published=False, published_at=None)
    # Published once, then withdrawn by the desk: it keeps its publication time.
    FundingCallFactory(
        title_en="Withdrawn", is_published=False, published_at=now - datetime.timedelta(days=1)
    )
    with translation.override("en"):
        url = reverse("contactpoint:calls_atom")

    response = client.get(url)

    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert root.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Newer & better", "Older"]
    summaries = [entry.findtext(f"{ATOM}summary") or "" for entry in root.iter(f"{ATOM}entry")]
    assert (
        "deadline 31 March 2099, 12:00" in summaries[1]
    )  # as the pages write dates, on Genoa time
    links = [str(link.get("href")) for link in root.iter(f"{ATOM}link")]
    assert sum("/contact-point/calls/call-" in link for link in links) == 2
    assert FundingCall.objects.count() == 4


# A title as an old row or another program may hold it: a vertical tab (a word
# processor's line break), an escape, a form feed and a DEL.
RAW_TITLE = "Bando\x0bcultura\x1b 2099\x0c\x7f"


def test_a_control_character_in_a_title_leaves_the_atom_feed_well_formed(
    client: Client,
) -> None:
    call = FundingCallFactory(title_en="Placeholder", published_at=timezone.now())
    store_raw(call, "title_en", RAW_TITLE)
    store_raw(call, "description_en", "First\x02 line\x08\r\nsecond")
    with translation.override("en"):
        url = reverse("contactpoint:calls_atom")

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    [entry] = root.iter(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Bando\ncultura 2099\n"
    assert "First line\nsecond" in (entry.findtext(f"{ATOM}summary") or "")


def test_a_control_character_in_a_title_never_reaches_the_calendar(client: Client) -> None:
    call = FundingCallFactory(title_en="Placeholder", funder_name="Fondo\x01 Liguria")
    store_raw(call, "title_en", RAW_TITLE)

    calendar = calls_calendar(client)

    assert set(calls_events(calendar)) == {"Deadline: Bando\ncultura 2099\n"}
    body = calendar.to_ical()
    # RFC 5545: no control character in a text value but tab; lines end in CR LF.
    assert not re.search(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", body)
    raw = client.get(reverse("contactpoint:calls_ical")).content
    assert not re.search(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", raw)
    assert b"Bando\\ncultura 2099\\n" in raw
    assert b"Fondo Liguria" in raw

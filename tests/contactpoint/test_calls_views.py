"""The public list and pages of funding calls."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.conf import LazySettings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from contactpoint.models import FundingCall
from tests.contactpoint.factories_calls import FundingCallFactory
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def calls_list_url(**query: str) -> str:
    with translation.override("en"):
        url = reverse("contactpoint:calls")
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def calls_titles(response: object) -> list[str]:
    page = response.context["page_obj"]  # type: ignore[attr-defined]
    return [call.title_en for call in page.object_list]


def test_the_list_shows_open_and_forthcoming_calls_by_deadline_then_closed(
    client: Client,
) -> None:
    now = timezone.now()
    FundingCallFactory(title_en="Closed", opens_at=now - 60 * DAY, closes_at=now - DAY)
    FundingCallFactory(title_en="Later", opens_at=now - DAY, closes_at=now + 50 * DAY)
    FundingCallFactory(title_en="Soon", opens_at=now - DAY, closes_at=now + 2 * DAY)
    FundingCallFactory(title_en="Coming", opens_at=now + 3 * DAY, closes_at=now + 30 * DAY)
    FundingCallFactory(title_en="Draft", is_published=False)

    response = client.get(calls_list_url())

    assert response.status_code == HTTPStatus.OK
    assert calls_titles(response) == ["Soon", "Coming", "Later", "Closed"]
    body = response.content.decode()
    # The call closing soon says how soon, on a badge with AA contrast.
    assert (
        '<span class="badge portal-call-status portal-call-closing">Closes in 2 days</span>' in body
    )
    assert "Forthcoming" in body
    assert "Draft" not in body


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ["Soon", "Later"]),
        ("closing", ["Soon"]),
        ("forthcoming", ["Coming"]),
        ("closed", ["Closed"]),
    ],
)
def test_the_list_filters_by_derived_status(
    client: Client, status: str, expected: list[str]
) -> None:
    now = timezone.now()
    FundingCallFactory(title_en="Closed", opens_at=now - 60 * DAY, closes_at=now - DAY)
    FundingCallFactory(title_en="Later", opens_at=now - DAY, closes_at=now + 50 * DAY)
    FundingCallFactory(title_en="Soon", opens_at=now - DAY, closes_at=now + 2 * DAY)
    FundingCallFactory(title_en="Coming", opens_at=now + 3 * DAY, closes_at=now + 30 * DAY)

    response = client.get(calls_list_url(status=status))

    assert calls_titles(response) == expected


def test_the_list_filters_by_sector_and_funder(client: Client) -> None:
    design, cinema = SectorFactory.create_batch(2)
    FundingCallFactory(title_en="Design EU", sectors=[design, cinema], funder="eu")
    FundingCallFactory(title_en="Design region", sectors=[design], funder="region")
    FundingCallFactory(title_en="Cinema EU", sectors=[cinema], funder="eu")

    by_sector = client.get(calls_list_url(sector=design.slug))
    by_both = client.get(calls_list_url(sector=design.slug, funder="eu"))

    assert sorted(calls_titles(by_sector)) == ["Design EU", "Design region"]
    assert calls_titles(by_both) == ["Design EU"]
    # One sector's calendar is offered beside the list.
    assert f"/deadlines/{design.slug}.ics" in by_sector.content.decode()


def test_an_unknown_filter_value_is_shown_as_an_error_not_a_crash(client: Client) -> None:
    FundingCallFactory(title_en="Any")

    response = client.get(calls_list_url(status="everything", sector="nowhere"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors.keys() == {"status", "sector"}


def test_the_empty_states_say_what_to_do(client: Client) -> None:
    nothing = client.get(calls_list_url()).content.decode()
    FundingCallFactory(funder="eu")
    no_match = client.get(calls_list_url(funder="private")).content.decode()

    assert "The desk has no call to show at the moment." in nothing
    assert "No call matches these filters." in no_match
    assert "Show every call" in no_match


def test_the_list_links_both_feeds(client: Client) -> None:
    body = client.get(calls_list_url()).content.decode()

    assert 'href="/en/contact-point/calls/deadlines.ics"' in body
    assert 'href="/en/contact-point/calls/new.atom"' in body
    assert 'type="application/atom+xml"' in body


def test_the_list_costs_the_same_few_queries_for_many_calls(
    client: Client, settings: LazySettings
) -> None:
    settings.PAGE_CACHE = False  # the list rendered each time, not kept
    sector = SectorFactory()
    FundingCallFactory.create_batch(3, sectors=[sector])
    client.get(calls_list_url(sector=sector.slug))  # fills the cached reference data
    with CaptureQueriesContext(connection) as few:
        client.get(calls_list_url(sector=sector.slug))
    FundingCallFactory.create_batch(20, sectors=[sector])

    with CaptureQueriesContext(connection) as many:
        response = client.get(calls_list_url(sector=sector.slug, page="2"))

    assert len(many) == len(few) <= 3
    assert len(calls_titles(response)) == 3


def test_pages_past_the_end_show_the_last_page(client: Client) -> None:
    FundingCallFactory.create_batch(21)

    response = client.get(calls_list_url(page="999"))

    assert response.context["page_obj"].number == 2
    assert len(calls_titles(response)) == 1


def test_a_call_page_shows_its_facts_on_genoa_time(client: Client) -> None:
    design = SectorFactory(name_en="Design")
    call = FundingCallFactory(
        title_en="Digital shops",
        closes_at=datetime.datetime(2099, 7, 1, 10, 0, tzinfo=datetime.UTC),
        organisation_kinds=["company", "freelancer"],
        cofinancing_rate=60,
        sectors=[design],
    )
    with translation.override("en"):
        url = call.get_absolute_url()

    body = client.get(url).content.decode()

    assert "Digital shops" in body
    assert "12:00" in body  # 10:00 UTC is noon in Genoa in July
    assert "Company" in body and "Freelancer" in body
    assert "60% of the costs" in body
    assert "Design" in body
    assert 'href="https://bandi.example/call"' in body


def test_an_unpublished_call_is_not_found(client: Client) -> None:
    draft = FundingCallFactory(is_published=False, published_at=None)
    public = FundingCallFactory()

    with translation.override("en"):
        assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
        assert client.get(public.get_absolute_url()).status_code == HTTPStatus.OK


def test_the_ask_link_appears_only_once_the_enquiry_form_exists(client: Client) -> None:
    call = FundingCallFactory()
    with translation.override("en"):
        url = call.get_absolute_url()
    try:
        with translation.override("en"):
            ask: str | None = reverse("contactpoint:ask")
    except NoReverseMatch:  # the enquiry form lands with its own branch
        ask = None

    body = client.get(url).content.decode()

    if ask is None:
        assert "Ask the desk about this" not in body
    else:
        assert f'href="{ask}?call={call.pk}"' in body


def test_the_admin_filters_calls_by_derived_status(client: Client, staff_user: object) -> None:
    now = timezone.now()
    FundingCallFactory(title_it="Aperto", opens_at=now - DAY, closes_at=now + 50 * DAY)
    FundingCallFactory(title_it="Chiuso", opens_at=now - 9 * DAY, closes_at=now - DAY)
    client.force_login(staff_user)  # type: ignore[arg-type]

    response = client.get("/admin/contactpoint/fundingcall/?status=closed")

    assert response.status_code == HTTPStatus.OK
    shown = [call.title_it for call in response.context["cl"].result_list]
    assert shown == ["Chiuso"]
    assert FundingCall.objects.count() == 2


def test_a_card_follows_its_dates_and_its_status_as_time_passes(
    client: Client, settings: LazySettings
) -> None:
    settings.PAGE_CACHE = False  # rendered each time: kept, a call's page lasts a minute
    now = timezone.now()
    call = FundingCallFactory(title_en="Grants", opens_at=now - DAY, closes_at=now + 40 * DAY)
    assert "Closes in" not in client.get(calls_list_url()).content.decode()

    # The deadline moved by a bulk update, which leaves `updated_at` alone.
    deadline = now + 3 * DAY + datetime.timedelta(hours=1)
    FundingCall.objects.filter(pk=call.pk).update(closes_at=deadline)
    body = client.get(calls_list_url()).content.decode()

    assert re.search(r"Closes in [34] days", body)  # 4 late in the evening, Genoa's time
    with translation.override("en"):
        assert date_format(timezone.localtime(deadline), "DATETIME_FORMAT") in body

"""A sector's page shows its open calls and its premises, from this app's panels."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from contactpoint.demo_calls import CALLS, load_calls_and_premises
from contactpoint.demo_premises import PREMISES
from contactpoint.models import FundingCall, Premises, PremisesPhoto
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.directory.factories import SectorFactory, UserFactory

pytestmark = pytest.mark.django_db


def calls_sector_page(client: Client, sector: object) -> str:
    with translation.override("en"):
        url = sector.get_absolute_url()  # type: ignore[attr-defined]
    return client.get(url).content.decode()


def test_the_sector_page_shows_open_calls_and_premises_of_the_sector(client: Client) -> None:
    sector, other = SectorFactory.create_batch(2)
    now = timezone.now()
    FundingCallFactory(title_en="Open here", sectors=[sector])
    FundingCallFactory(
        title_en="Closed here",
        sectors=[sector],
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    FundingCallFactory(title_en="Open elsewhere", sectors=[other])
    PremisesFactory(title_en="Studio here", sectors=[sector])
    PremisesFactory(title_en="Hidden here", sectors=[sector], is_published=False)

    body = calls_sector_page(client, sector)

    assert "Open funding calls" in body and "Open here" in body
    assert "Closed here" not in body and "Open elsewhere" not in body
    assert "Premises for this sector" in body and "Studio here (Studio, 60 m²)" in body
    assert "Hidden here" not in body


def test_the_panels_cost_the_same_however_much_they_show(client: Client) -> None:
    sector = SectorFactory()
    body = calls_sector_page(client, sector)
    assert "Open funding calls" not in body and "Premises for this sector" not in body
    FundingCallFactory(sectors=[sector])
    PremisesFactory(sectors=[sector])
    with CaptureQueriesContext(connection) as one:
        calls_sector_page(client, sector)
    FundingCallFactory.create_batch(7, sectors=[sector])
    PremisesFactory.create_batch(7, sectors=[sector])

    with CaptureQueriesContext(connection) as many:
        body = calls_sector_page(client, sector)

    assert len(many) == len(one)
    assert body.count("/contact-point/calls/call-") == 5
    assert body.count("/contact-point/premises/premises-") == 5


def test_the_demo_data_loads_every_status_once_however_often_it_runs() -> None:
    staff = UserFactory(is_staff=True)

    first = load_calls_and_premises(staff=staff, member=staff)
    again = load_calls_and_premises(staff=staff, member=staff)

    assert FundingCall.objects.count() == len(CALLS)
    assert Premises.objects.count() == len(PREMISES)
    photos = PremisesPhoto.objects.count()
    assert photos == sum(len(item.photos) for item in PREMISES)
    assert f"({photos} photos drawn)" in first and "(0 photos drawn)" in again
    statuses = {call.current_status for call in FundingCall.objects.published().with_status()}
    assert statuses == {"forthcoming", "open", "closing", "closed"}
    assert all(p.has_coordinates for p in Premises.objects.all())
    assert PremisesPhoto.objects.first().image.name.endswith(".webp")  # type: ignore[union-attr]

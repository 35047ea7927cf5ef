"""The desk's pages in the page cache: calls, guides and premises, their lists,
feeds and panels, and the desk's contacts in every footer, each showing a
change on the next request."""

from typing import Any

import pytest
from django.test import Client

from contactpoint.models import DeskContact, FundingCall, Guide, Premises
from contactpoint.page_cache import CALL_PAGES_SECONDS
from creativecities.pagecache import registry
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.directory.helpers import page_kept, page_text
from tests.directory.searchable import sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def call() -> FundingCall:
    return FundingCallFactory.create(
        slug="bando-cultura", title_en="Culture grants", sectors=[sector("design")]
    )


CALL_PAGES = [
    "/en/contact-point/calls/",
    "/en/contact-point/calls/bando-cultura/",
    "/en/contact-point/calls/new.atom",
    "/en/contact-point/calls/deadlines.ics",
    "/en/sectors/design/",
]


def test_a_call_edited_shows_at_once_on_its_pages_feeds_and_sector(
    client: Client, call: FundingCall, django_assert_num_queries: Any
) -> None:
    for path in CALL_PAGES:
        assert "Culture grants" in page_kept(client, path, django_assert_num_queries), path

    call.title_en = "Culture and creativity grants"
    call.save()

    for path in CALL_PAGES:
        assert "Culture and creativity grants" in page_text(client, path), path


def test_the_home_pages_calls_and_guides_follow_their_edits(
    client: Client, call: FundingCall
) -> None:
    GuideFactory.create(slug="aprire-uno-studio", title_en="Opening a studio")
    page = page_text(client, "/en/")
    assert "Culture grants" in page and "Opening a studio" in page

    call.title_en = "Culture and creativity grants"
    call.save()
    guide = Guide.objects.get(slug="aprire-uno-studio")
    guide.title_en = "Opening a studio in Genoa"
    guide.save()

    page = page_text(client, "/en/")
    assert "Culture and creativity grants" in page and "Opening a studio in Genoa" in page


def test_a_call_withdrawn_leaves_the_list_and_the_sector_page(
    client: Client, call: FundingCall
) -> None:
    for path in ("/en/contact-point/calls/", "/en/sectors/design/"):
        assert "Culture grants" in page_text(client, path)

    call.is_published = False
    call.save()

    for path in ("/en/contact-point/calls/", "/en/sectors/design/"):
        assert "Culture grants" not in page_text(client, path), path


def test_call_pages_are_kept_a_minute_at_most_since_their_status_follows_the_clock() -> None:
    for name in ("contactpoint:calls", "contactpoint:call", "directory:sector", "directory:home"):
        assert registry.lifetime(name, 300) == CALL_PAGES_SECONDS
    assert registry.lifetime("contactpoint:guides", 300) == 300


def test_a_guide_edited_shows_at_once_on_its_pages_and_sector(
    client: Client, django_assert_num_queries: Any
) -> None:
    guide: Guide = GuideFactory.create(
        slug="aprire-uno-studio", title_en="Opening a studio", sectors=[sector("design")]
    )
    paths = [
        "/en/contact-point/guides/",
        "/en/contact-point/guides/aprire-uno-studio/",
        "/en/sectors/design/",
    ]
    for path in paths:
        assert "Opening a studio" in page_kept(client, path, django_assert_num_queries), path

    guide.title_en = "Opening a studio in Genoa"
    guide.body_en = "## Permits\n\nThe permits you need."
    guide.save()

    for path in paths:
        assert "Opening a studio in Genoa" in page_text(client, path), path
    assert "The permits you need." in page_text(client, paths[1])


def test_premises_edited_show_at_once_on_their_pages_map_and_sector(
    client: Client, django_assert_num_queries: Any
) -> None:
    premises: Premises = PremisesFactory.create(
        slug="sala-del-campo", title_en="Room on Via del Campo", sectors=[sector("design")]
    )
    paths = [
        "/en/contact-point/premises/",
        "/en/contact-point/premises/map/",
        "/en/contact-point/premises/map.geojson",
        "/en/contact-point/premises/sala-del-campo/",
        "/en/sectors/design/",
    ]
    for path in paths:
        assert "Room on Via del Campo" in page_kept(client, path, django_assert_num_queries)

    premises.title_en = "Bright room on Via del Campo"
    premises.save()

    for path in paths:
        assert "Bright room on Via del Campo" in page_text(client, path), path


def test_the_desks_contacts_change_in_every_pages_footer(
    client: Client, django_assert_num_queries: Any
) -> None:
    paths = ["/en/", "/en/directory/", "/en/contact-point/", "/en/contact-point/calls/"]
    for path in paths:
        assert "desk@example.org" not in page_kept(client, path, django_assert_num_queries)

    DeskContact.objects.create(
        name_en="Creative desk", address_en="Via Garibaldi 9", email="desk@example.org"
    )

    for path in paths:
        assert "desk@example.org" in page_text(client, path), path

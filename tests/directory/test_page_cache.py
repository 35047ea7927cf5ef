"""The directory's pages in the page cache: kept for anonymous visitors, and
every page that shows an organisation, a sector, a page or a partner shows its
change on the next request."""

from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from directory.models import Organisation, Page, Partner, Sector
from tests.directory.helpers import page_kept, page_text
from tests.directory.searchable import searchable, sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def studio() -> Organisation:
    return searchable(
        name="Studio Alfa",
        slug="studio-alfa",
        primary_sector=sector("design"),
        latitude="44.400000",
        longitude="8.900000",
    )


PAGES_OF_A_PROFILE = [
    "/en/directory/",
    "/en/directory/?q=studio",
    "/it/directory/?sector=design",
    "/en/directory/map/",
    "/en/directory/map.geojson",
    "/en/directory/studio-alfa/",
    "/en/sectors/design/",
    "/en/",  # the home page's newest organisations
]


def test_every_page_showing_a_profile_is_kept(
    client: Client, studio: Organisation, django_assert_num_queries: Any
) -> None:
    for path in PAGES_OF_A_PROFILE:
        assert "Studio Alfa" in page_kept(client, path, django_assert_num_queries), path


def test_a_profile_edited_shows_at_once_on_every_page_that_shows_it(
    client: Client, studio: Organisation
) -> None:
    for path in PAGES_OF_A_PROFILE:
        page_text(client, path)

    studio.name = "Studio Alfa Beta"
    studio.save()

    for path in PAGES_OF_A_PROFILE:
        assert "Studio Alfa Beta" in page_text(client, path), path


def test_a_profile_withdrawn_leaves_every_list_at_once(
    client: Client, studio: Organisation
) -> None:
    lists = [path for path in PAGES_OF_A_PROFILE if "studio-alfa" not in path]
    for path in lists:
        assert "Studio Alfa" in page_text(client, path)

    studio.status = Organisation.Status.ARCHIVED
    studio.save(update_fields=["status"])  # a workflow step: no history, still a change

    for path in lists:
        assert "Studio Alfa" not in page_text(client, path), path
    assert client.get("/en/directory/studio-alfa/").status_code == HTTPStatus.NOT_FOUND


def test_a_new_profile_shows_in_the_sector_count_and_the_cluster_figures(
    client: Client, studio: Organisation
) -> None:
    assert "Organisations of the sector: 1" in page_text(client, "/en/sectors/design/")
    before_figures = page_text(client, "/en/cluster/")

    searchable(name="Officina Gamma", slug="officina-gamma", primary_sector=sector("design"))

    sector_page = page_text(client, "/en/sectors/design/")
    assert "Officina Gamma" in sector_page
    assert "Organisations of the sector: 2" in sector_page
    assert page_text(client, "/en/cluster/") != before_figures


def test_a_profile_moved_to_another_sector_moves_between_sector_pages(
    client: Client, studio: Organisation
) -> None:
    assert "Studio Alfa" not in page_text(client, "/en/sectors/cinema/")

    studio.sectors.add(sector("cinema"))

    assert "Studio Alfa" in page_text(client, "/en/sectors/cinema/")


def test_a_sector_renamed_shows_on_the_home_and_its_page(client: Client) -> None:
    for path in ("/en/", "/en/sectors/design/"):
        page_text(client, path)

    design = Sector.objects.get(slug="design")
    design.name_en = "Design and crafts"
    design.save()

    for path in ("/en/", "/en/sectors/design/"):
        assert "Design and crafts" in page_text(client, path), path


@pytest.mark.parametrize(
    ("slug", "path"), [("accessibility", "/en/accessibility/"), ("legal", "/en/legal-notes/")]
)
def test_a_page_edited_shows_at_once(
    client: Client, django_assert_num_queries: Any, slug: str, path: str
) -> None:
    assert "Edited in 2026" not in page_kept(client, path, django_assert_num_queries)

    page = Page.objects.get(slug=slug)
    page.title_en = "Edited in 2026"
    page.save()

    assert "Edited in 2026" in page_text(client, path)


def test_a_new_profile_shows_in_the_sectors_page_count_and_the_site_map_keeps_up(
    client: Client, django_assert_num_queries: Any
) -> None:
    before = page_kept(client, "/en/sectors/", django_assert_num_queries)
    page_kept(client, "/en/site-map/", django_assert_num_queries)

    searchable(name="Studio Beta", primary_sector=sector("design"))
    design = Sector.objects.get(slug="design")
    design.name_en = "Design and crafts"
    design.save()

    assert page_text(client, "/en/sectors/") != before
    assert "Design and crafts" in page_text(client, "/en/site-map/")


def test_a_partner_added_shows_on_the_partners_page(
    client: Client, django_assert_num_queries: Any
) -> None:
    page_kept(client, "/en/partners/", django_assert_num_queries)

    Partner.objects.create(
        name="Creative Hub Ljubljana", city_en="Ljubljana", country_en="Slovenia"
    )

    assert "Creative Hub Ljubljana" in page_text(client, "/en/partners/")

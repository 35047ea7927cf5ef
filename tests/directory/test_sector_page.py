"""A sector's page: what it covers, who is in it, and what other apps add."""

from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from creativecities.panels import pages as panels
from directory.models import Organisation, Sector
from tests.directory.helpers import names
from tests.directory.searchable import searchable, sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """An empty panel registry for the test; other apps' panels come back after."""
    empty: list[Any] = []
    monkeypatch.setattr(panels, "_registry", empty)
    return empty


def test_sector_page_shows_ateco_codes_with_their_labels(client: Client) -> None:
    content = client.get("/en/sectors/architecture/").content.decode()

    assert "71.11" in content
    assert '<dd lang="it">Attività di architettura</dd>' in content


def test_sector_page_lists_its_published_organisations_with_a_count(client: Client) -> None:
    searchable(name="Studio Nervi", primary_sector=sector("architecture"))
    searchable(
        name="Also Architects", primary_sector=sector("design"), sectors=[sector("architecture")]
    )
    searchable(
        name="Hidden", primary_sector=sector("architecture"), status=Organisation.Status.PENDING
    )
    searchable(name="Cinema Club", primary_sector=sector("cinema"))

    response = client.get("/en/sectors/architecture/")

    content = response.content.decode()
    assert "Organisations of the sector: 2" in content
    assert names(response) == ["Also Architects", "Studio Nervi"]
    assert "Hidden" not in content
    assert "Cinema Club" not in content
    assert 'href="/en/directory/?sector=architecture"' in content


def test_sector_page_is_paginated(client: Client) -> None:
    for number in range(25):
        searchable(name=f"Studio {number:02d}", primary_sector=sector("design"))

    second = client.get("/en/sectors/design/?page=2")

    assert "Organisations of the sector: 25" in second.content.decode()
    assert names(second) == [f"Studio {n}" for n in range(20, 25)]


def test_a_sector_page_reads_ids_before_rows(
    client: Client, registry: list[Any], django_assert_max_num_queries: Any
) -> None:
    for number in range(25):
        searchable(name=f"Studio {number:02d}", primary_sector=sector("design"))

    # The sector, its exact count, the paginator's capped count, the page's cards.
    with django_assert_max_num_queries(4) as captured:
        response = client.get("/en/sectors/design/?page=2")

    assert response.status_code == HTTPStatus.OK
    counts = [query["sql"] for query in captured if "COUNT(" in query["sql"]]
    assert counts and not any("directory_municipality" in sql for sql in counts)


def test_empty_sector_says_so(client: Client) -> None:
    content = client.get("/en/sectors/television-radio/").content.decode()

    assert "No organisation of this sector is in the directory yet." in content


def test_registered_panels_are_rendered_in_order(client: Client, registry: list[Any]) -> None:
    def guides(request: Any, sector: Sector) -> tuple[str, dict[str, Any]]:
        return "directory/includes/sector_panel.html", {
            "title": f"Guides for {sector.name}",
            "links": [{"url": "/en/guides/1/", "label": "Opening a studio"}],
        }

    def calls(request: Any, sector: Sector) -> tuple[str, dict[str, Any]] | None:
        if sector.slug != "cinema":
            return None
        return "directory/includes/sector_panel.html", {"title": "Open calls", "links": []}

    panels.register_sector_panel(guides)
    panels.register_sector_panel(calls)
    panels.register_sector_panel(guides)  # registering twice adds it once

    # The page's own content: the header's menu has "Open calls" too.
    cinema = client.get("/en/sectors/cinema/").content.decode().partition("<main")[2]
    design = client.get("/en/sectors/design/").content.decode().partition("<main")[2]

    assert cinema.count("Guides for Cinema") == 1
    assert cinema.index("Guides for Cinema") < cinema.index("Open calls")
    assert '<a href="/en/guides/1/">Opening a studio</a>' in cinema
    assert "Guides for Design" in design
    assert "Open calls" not in design


def test_a_panel_can_be_unregistered(client: Client, registry: list[Any]) -> None:
    def panel(request: Any, sector: Sector) -> tuple[str, dict[str, Any]]:
        return "directory/includes/sector_panel.html", {"title": "Temporary", "links": []}

    panels.register_sector_panel(panel)
    panels.unregister_sector_panel(panel)
    response = client.get("/en/sectors/cinema/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "<h1>Cinema</h1>" in content
    assert "Temporary" not in content


def test_unknown_sector_is_404(client: Client) -> None:
    assert client.get("/en/sectors/nope/").status_code == HTTPStatus.NOT_FOUND

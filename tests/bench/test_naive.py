"""The naive directory the benchmark compares the portal with (`bench/naive/`):
the same organisations as the portal's pages, in comparable HTML."""

from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client

from bench.targets import (
    CACHED,
    FRAME,
    NAIVE,
    PORTAL,
    Page,
    ceilings,
    check_calm,
    check_saturated,
    directory_pages,
)
from directory.models import Organisation
from tests.directory.helpers import page_text
from tests.directory.searchable import searchable, sector

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]


@pytest.fixture(autouse=True)
def naive_templates(settings: LazySettings) -> None:
    """The naive pages' templates, as `bench/settings.py` adds them."""
    naive = Path(__file__).resolve().parents[2] / "bench" / "naive" / "templates"
    engine: dict[str, Any] = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], naive]}]


@pytest.fixture
def studios() -> list[Organisation]:
    return [
        searchable(
            name="Liuteria Rossi",
            slug="liuteria-rossi",
            primary_sector=sector("music-performing-arts"),
        ),
        searchable(name="Fotografia Blu", slug="fotografia-blu", primary_sector=sector("design")),
        searchable(name="Atelier Verde", slug="atelier-verde", primary_sector=sector("design")),
    ]


def test_the_naive_list_shows_what_the_portals_does(
    client: Client, studios: list[Organisation]
) -> None:
    naive = page_text(client, "/it/bench/naive/directory/")
    portal = page_text(client, "/it/directory/")

    for studio in studios:
        assert studio.name in naive and studio.name in portal
    assert naive.index("Atelier Verde") < naive.index("Fotografia Blu") < naive.index("Liuteria")
    assert "Organizzazioni trovate: 3" in naive


def test_the_naive_search_ranks_the_same_matches(
    client: Client, studios: list[Organisation]
) -> None:
    naive = page_text(client, "/it/bench/naive/directory/?q=liuteria")

    assert "Liuteria Rossi" in naive
    assert "Fotografia Blu" not in naive
    assert "Liuteria Rossi" in page_text(client, "/it/directory/?q=liuteria")


def test_the_naive_profile_shows_the_organisation(
    client: Client, studios: list[Organisation]
) -> None:
    naive = page_text(client, "/it/bench/naive/directory/atelier-verde/")

    assert "<h1>Atelier Verde</h1>" in naive
    assert "Uno studio creativo genovese." in naive
    assert client.get("/it/bench/naive/directory/nessuno/").status_code == HTTPStatus.NOT_FOUND


class Measured:
    def __init__(self, throughput: float, p95: float = 0.001, errors: int = 0) -> None:
        self.throughput, self.p95, self.errors = throughput, p95, errors


def page_of(pages: list[Page], group: str, name: str) -> Page:
    return next(page for page in pages if page.group == group and page.name == name)


def test_the_benchmark_names_the_page_that_misses_its_target() -> None:
    pages = directory_pages({"rare": "a", "tenth": "b", "common": "c"}, ["x"])
    figures = {page: Measured(1000.0 if page.group == CACHED else 100.0) for page in pages}
    figures[pages[0]] = Measured(2000.0)  # the bare view
    slow = page_of(pages, CACHED, "profile")
    figures[slow] = Measured(500.0)

    misses = check_saturated(figures).misses

    assert any("portal, page cache: profile 25.0%" in miss for miss in misses)
    assert not any("portal, page cache: home" in miss for miss in misses)
    assert any("portal, rendered: list, first page 1.00x the naive way" in m for m in misses)
    for page in pages:
        if page.group in (NAIVE, PORTAL):
            figures[page] = Measured(600.0 if page.group == PORTAL else 150.0)
    figures[slow] = Measured(900.0)
    assert check_saturated(figures).misses == []

    figures[page_of(pages, PORTAL, "profile")] = Measured(100.0)
    assert check_calm(figures).misses == ["2 clients: profile 5.0% of the bare view (>= 25%)"]


def test_the_empty_page_is_the_portals_frame_without_a_query(
    client: Client, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):
        response = client.get("/it/bench/frame")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'class="it-header-wrapper"' in html
    assert "<footer" in html


def test_the_ceiling_is_the_empty_page_over_each_naive_page() -> None:
    pages = directory_pages({"rare": "a", "tenth": "b", "common": "c"}, ["x"])
    figures = {page: Measured(100.0) for page in pages}
    figures[page_of(pages, FRAME, "empty page")] = Measured(300.0)
    figures[page_of(pages, NAIVE, "profile")] = Measured(120.0)

    lines = ceilings(figures)

    assert "  profile: at most 2.50x the naive way" in "\n".join(lines)
    assert "  list, first page: at most 3.00x the naive way" in "\n".join(lines)

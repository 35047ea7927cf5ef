"""The number of SQL queries a page makes does not grow with what it shows."""

from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from directory.models import Organisation
from tests.directory.searchable import place, searchable, sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded_directory() -> None:
    """Sixty profiles with every field a card or profile may show."""
    places = ["rapallo", "camogli", "municipio-i-centro-est"]
    for number in range(60):
        searchable(
            name=f"Studio Architettura {number:02d}",
            slug=f"studio-{number:02d}",
            primary_sector=sector("architecture"),
            sectors=[sector("design"), sector("cinema")],
            municipality=place(places[number % 3]),
            short_description_en="Architecture and design.",
            logo_thumbnail=f"logos/thumbs/{number}.webp",
            logo=f"logos/{number}.webp",
            latitude="44.400000",
            longitude="8.900000",
            languages=["it", "en"],
            size=Organisation.Size.SMALL,
            open_to_international=True,
        )


@pytest.mark.parametrize(
    "url",
    [
        "/en/directory/",
        "/it/directory/?page=2",
        "/en/directory/?page=3&sort=newest",
        "/en/directory/?q=architettura",
        "/en/directory/?q=architettura&page=2",
        "/en/directory/?q=archit&sector=design&municipality=rapallo&kind=company"
        "&size=10-49&international=on&sort=name",
        "/en/directory/?q=nothing-matches-this",
        "/en/directory/?sector=nope&page=x",
        "/en/directory/map/?q=design",
    ],
)
def test_list_and_search_pages_make_at_most_four_queries(
    client: Client, crowded_directory: None, django_assert_max_num_queries: Any, url: str
) -> None:
    with django_assert_max_num_queries(4):
        response = client.get(url)

    assert response.status_code == HTTPStatus.OK


def test_results_partial_makes_at_most_four_queries(
    client: Client, crowded_directory: None, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(4):
        response = client.get("/en/directory/?q=design", headers={"X-Partial": "results"})

    assert response.status_code == HTTPStatus.OK
    assert "Studio Architettura" in response.content.decode()


def test_detail_page_makes_at_most_two_queries(
    client: Client, crowded_directory: None, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(2):
        response = client.get("/en/directory/studio-07/")

    assert response.status_code == HTTPStatus.OK
    assert "Cinema" in response.content.decode()


def test_list_query_does_not_load_the_search_vector_or_long_descriptions(
    client: Client, crowded_directory: None, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(8) as captured:  # two pages
        searched = client.get("/en/directory/?q=architettura")
        browsed = client.get("/en/directory/")

    assert searched.status_code == browsed.status_code == HTTPStatus.OK

    for query in captured.captured_queries:
        selected, _, source = query["sql"].partition(" FROM ")
        if not source.startswith('"directory_organisation"'):
            continue
        # Ranking reads the vector inside the database; no row brings it back.
        selected = selected.replace('ts_rank("directory_organisation"."search_vector"', "")
        assert "search_vector" not in selected, query["sql"]
        assert "description_it" not in selected.replace("short_description_it", "")

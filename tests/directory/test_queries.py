"""The number of SQL queries a page makes does not grow with what it shows."""

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any

import pytest
from django.db import connection
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


@contextmanager
def columns_returned() -> Iterator[list[set[str]]]:
    """The names of the columns each query sent back, as the database describes
    its result: whatever the SQL looks like (a join, a CTE), this is what crossed
    the wire."""
    returned: list[set[str]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        description = context["cursor"].description
        if description:
            returned.append({column[0] for column in description})
        return result

    with connection.execute_wrapper(record):
        yield returned


@pytest.mark.parametrize(
    "url", ["/en/directory/?q=architettura", "/en/directory/", "/en/directory/?sort=newest"]
)
def test_list_pages_do_not_load_the_search_vector_or_long_descriptions(
    client: Client, crowded_directory: None, url: str
) -> None:
    with columns_returned() as returned:
        response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["page_obj"]) == 20
    cards = [columns for columns in returned if "short_description_it" in columns]
    assert cards, returned  # the page's cards were read, and by these queries
    for columns in returned:
        assert not columns & {"search_vector", "description_it", "description_en"}, columns

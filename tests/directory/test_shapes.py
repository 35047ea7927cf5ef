"""The directory's results by their query's shape, compiled once per process: the
same organisations, count and SQL as the filters' own queryset, for every kind of
search a visitor can ask."""

import datetime
from typing import Any

import pytest
from django.http import QueryDict
from django.utils import timezone, translation

from creativecities.lists.compiled import queries
from creativecities.lists.pagination import CappedPaginator, ranked_sql
from directory.filters import OrganisationFilter
from directory.models import Organisation
from directory.views.public import published_cards
from tests.directory.searchable import place, searchable, sector

pytestmark = pytest.mark.django_db

SEARCHES = [
    "",
    "q=studio",
    "q=stu",
    "q=grafica+genova",
    "q=studio&sort=name",
    "q=studio&sort=newest",
    "q=%21%21%21",
    "sort=newest",
    "sector=design",
    "sector=fashion&q=studio",
    "kind=freelancer",
    "municipality=rapallo",
    "size=2-9",
    "international=on",
    "international=on&kind=company&sector=design&municipality=rapallo&q=grafica",
    "sector=not-a-sector&q=studio",
    "kind=company&page=2",
    "q=studio&page=2",
    "page=9",
]


@pytest.fixture
def every_filters_values() -> None:
    """Enough profiles, of every filter's values, for two pages of four."""
    for number in range(11):
        searchable(
            name=f"Studio {number}",
            short_description_it="Grafica a Genova." if number % 2 else "Moda a Genova.",
            kind=Organisation.Kind.FREELANCER if number % 3 else Organisation.Kind.COMPANY,
            primary_sector=sector("design" if number % 2 else "fashion"),
            municipality=place("rapallo" if number % 4 else "municipio-ix-levante"),
            open_to_international=bool(number % 5),
            size=Organisation.Size.MICRO if number % 2 else "",
        )
    searchable(name="Studio lapsed", confirmed_at=timezone.now() - datetime.timedelta(days=600))
    searchable(name="Studio draft", status=Organisation.Status.DRAFT)


def results(search: str, *, compiled: bool) -> tuple[list[str], int, int]:
    data = QueryDict(search)
    if compiled:
        filterset = OrganisationFilter(data, base=published_cards)
    else:
        filterset = OrganisationFilter(data, queryset=published_cards())
    paginator = filterset.paginator(4)
    page = paginator.get_page(data.get("page"))
    return [organisation.name for organisation in page.object_list], paginator.count, page.number


@pytest.mark.parametrize("search", SEARCHES)
@pytest.mark.parametrize("language", ["it", "en"])
def test_compiled_results_are_the_filters_results(
    every_filters_values: None, search: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CappedPaginator, "max_results", 9)
    with translation.override(language):
        expected = results(search, compiled=False)
        assert results(search, compiled=True) == expected
        # Again, from the compiled query kept by the first.
        assert results(search, compiled=True) == expected
    assert expected[0] or search in {"q=%21%21%21"} or "page" in search


RANKED = [search for search in SEARCHES if "q=studio" in search and "sort" not in search]


@pytest.mark.parametrize("search", [*RANKED, "q=grafica+genova", "q=grafica&international=on"])
def test_a_ranked_search_runs_the_sql_of_its_filters(
    every_filters_values: None, search: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Character for character, with the same parameters (the lapse boundary aside)."""
    seen: list[tuple[str, list[object]]] = []

    def run_ranked(model: object, using: str, sql: str, params: list[object], names: object) -> Any:
        seen.append((sql, params))
        return [], 0

    monkeypatch.setattr("creativecities.lists.pagination.run_ranked", run_ranked)
    data = QueryDict(search)
    OrganisationFilter(data, base=published_cards).paginator().get_page(1)
    expected_sql, expected_params, _names = ranked_sql(
        OrganisationFilter(data, queryset=published_cards()).qs,
        CappedPaginator.max_results + 1,
    )

    sql, params = seen[0]
    assert sql == expected_sql

    def plain(values: list[object]) -> list[object]:
        return [value for value in values if not isinstance(value, datetime.datetime)]

    assert plain(params[:-2]) == plain(expected_params)


def test_an_edit_shows_in_the_compiled_results(every_filters_values: None) -> None:
    queries.clear()
    assert "Studio 2" in results("kind=freelancer", compiled=True)[0]

    Organisation.objects.filter(name="Studio 2").update(kind=Organisation.Kind.COMPANY)

    assert "Studio 2" not in results("kind=freelancer", compiled=True)[0]

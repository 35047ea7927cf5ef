"""Bounded pages: a capped count, a deepest page, and ranked pages counted as they
are ranked. Small caps stand in for the real ones (1,000 results, 50 pages)."""

import pytest
from django.test import Client

from directory import filters
from directory.filters import OrganisationFilter
from directory.models import Organisation
from directory.pagination import CappedPaginator, DirectoryPaginator, RankedPaginator
from tests.directory.helpers import names_on
from tests.directory.searchable import searchable

pytestmark = pytest.mark.django_db


@pytest.fixture
def cap(monkeypatch: pytest.MonkeyPatch) -> int:
    """Cap results at 6 and rank at most 7 matches."""
    monkeypatch.setattr(CappedPaginator, "max_results", 6)
    monkeypatch.setattr(filters, "RANK_CANDIDATES", 7)
    return 6


@pytest.fixture
def nine() -> None:
    for number in range(9):
        searchable(name=f"Studio {number}", short_description_it="Grafica a Genova.")


def test_count_stops_at_the_cap(cap: int, nine: None) -> None:
    published = Organisation.objects.published()
    paginator = DirectoryPaginator(
        published.for_cards().order_by("name", "id"),
        per_page=4,
        rows=Organisation.objects.for_cards(),
    )

    assert paginator.count == 6
    assert paginator.truncated
    assert paginator.num_pages == 2
    assert names_on(paginator.get_page(2)) == ["Studio 4", "Studio 5"]
    assert names_on(paginator.get_page(9)) == ["Studio 4", "Studio 5"]


def test_under_the_cap_the_count_is_exact(cap: int) -> None:
    for number in range(3):
        searchable(name=f"Studio {number}")

    paginator = DirectoryPaginator(
        Organisation.objects.published().order_by("name", "id"),
        rows=Organisation.objects.all(),
    )

    assert paginator.count == 3
    assert not paginator.truncated


def test_pages_by_id_keep_the_order_and_the_filters(nine: None) -> None:
    searchable(name="Studio Z", status=Organisation.Status.DRAFT)
    ordered = Organisation.objects.published().for_cards().order_by("-created_at", "id")
    paginator = DirectoryPaginator(ordered, per_page=4, rows=Organisation.objects.for_cards())

    pages = [names_on(paginator.get_page(number)) for number in (1, 2, 3)]

    assert sum(pages, []) == [organisation.name for organisation in ordered]


def test_ranked_pages_count_what_was_ranked(cap: int, nine: None) -> None:
    filterset = OrganisationFilter({"q": "grafica"}, queryset=Organisation.objects.published())
    filterset.qs  # noqa: B018
    paginator = RankedPaginator(filterset.ranked_page, per_page=4)

    page = paginator.get_page(2)

    assert paginator.count == 6
    assert paginator.truncated
    assert len(page) == 2
    assert page.number == 2


def test_a_ranked_page_past_the_end_is_the_last_page(nine: None) -> None:
    filterset = OrganisationFilter({"q": "grafica"}, queryset=Organisation.objects.published())
    filterset.qs  # noqa: B018
    paginator = RankedPaginator(filterset.ranked_page, per_page=4)

    page = paginator.get_page(7)

    assert page.number == 3
    assert len(page) == 1
    assert paginator.count == 9
    assert not paginator.truncated


def test_ranked_search_without_matches(nine: None) -> None:
    filterset = OrganisationFilter({"q": "zzz"}, queryset=Organisation.objects.published())
    filterset.qs  # noqa: B018
    paginator = RankedPaginator(filterset.ranked_page)

    page = paginator.get_page("x")

    assert paginator.count == 0
    assert list(page) == []
    assert page.number == 1


def test_the_page_says_more_than_and_how_to_narrow(client: Client, cap: int, nine: None) -> None:
    listing = client.get("/en/directory/").content.decode()
    search = client.get("/en/directory/?q=grafica").content.decode()

    for content in (listing, search):
        assert "More than 6 organisations found" in content
        assert "The first 6 can be browsed page by page" in content

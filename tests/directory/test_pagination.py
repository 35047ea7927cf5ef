"""Bounded pages: a capped count, a deepest page, and ranked pages counted as they
are ranked. Small caps stand in for the real ones (1,000 results, 50 pages)."""

import pytest
from django.db.models.functions import Length
from django.test import Client

from creativecities.lists.pagination import CappedPaginator, DeferredJoinPaginator, RankedPaginator
from directory.models import Organisation, Sector
from tests.directory.helpers import names_on
from tests.directory.searchable import searchable

pytestmark = pytest.mark.django_db


@pytest.fixture
def cap(monkeypatch: pytest.MonkeyPatch) -> int:
    """Cap results at 6 (so at most 7 matches are ranked)."""
    monkeypatch.setattr(CappedPaginator, "max_results", 6)
    return 6


@pytest.fixture
def nine() -> None:
    for number in range(9):
        searchable(name=f"Studio {number}", short_description_it="Grafica a Genova.")


def test_count_stops_at_the_cap(cap: int, nine: None) -> None:
    published = Organisation.objects.published()
    paginator = DeferredJoinPaginator(
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

    paginator = DeferredJoinPaginator(
        Organisation.objects.published().order_by("name", "id"),
        rows=Organisation.objects.all(),
    )

    assert paginator.count == 3
    assert not paginator.truncated


def test_pages_by_id_keep_the_order_and_the_filters(nine: None) -> None:
    searchable(name="Studio Z", status=Organisation.Status.DRAFT)
    ordered = Organisation.objects.published().for_cards().order_by("-created_at", "id")
    paginator = DeferredJoinPaginator(ordered, per_page=4, rows=Organisation.objects.for_cards())

    pages = [names_on(paginator.get_page(number)) for number in (1, 2, 3)]

    assert sum(pages, []) == [organisation.name for organisation in ordered]


def test_ranked_pages_count_what_was_ranked(cap: int, nine: None) -> None:
    paginator = RankedPaginator(Organisation.objects.published().search("grafica"), per_page=4)

    page = paginator.get_page(2)

    assert paginator.count == 6
    assert paginator.truncated
    assert len(page) == 2
    assert page.number == 2


def test_a_ranked_page_past_the_end_is_the_last_page(nine: None) -> None:
    paginator = RankedPaginator(Organisation.objects.published().search("grafica"), per_page=4)

    page = paginator.get_page(7)

    assert page.number == 3
    assert len(page) == 1
    assert paginator.count == 9
    assert not paginator.truncated


def test_ranked_search_without_matches(nine: None) -> None:
    paginator = RankedPaginator(Organisation.objects.published().search("zzz"))

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


def test_ranked_pages_read_the_columns_the_queryset_reads(nine: None) -> None:
    searched = Organisation.objects.published().for_cards().search("grafica")

    page = RankedPaginator(searched, per_page=4).get_page(1)

    assert names_on(page) == ["Studio 0", "Studio 1", "Studio 2", "Studio 3"]
    assert {"search_vector", "description_it"} <= page[0].get_deferred_fields()
    assert "short_description_it" not in page[0].get_deferred_fields()


# Any model ---------------------------------------------------------------------


def test_any_ordered_queryset_pages_by_id_without_a_subclass(cap: int) -> None:
    """Sectors have no listing index and no card columns: a plain queryset in the
    model's own order (order, slug) pages as it is, whole rows by id."""
    everything = list(Sector.objects.all())
    paginator = DeferredJoinPaginator(Sector.objects.all(), per_page=4)

    pages = [list(paginator.get_page(number)) for number in (1, 2, 3)]

    assert len(everything) == 12
    assert paginator.count == 6
    assert paginator.truncated
    assert sum(pages, []) == everything[:4] + everything[4:6] + everything[4:6]
    assert not pages[0][0].get_deferred_fields()


def test_any_model_pages_in_the_order_asked(cap: int) -> None:
    ordered = Sector.objects.filter(slug__startswith="c").order_by("-slug")

    page = DeferredJoinPaginator(ordered, per_page=2).get_page(2)

    assert [sector.slug for sector in page] == ["cinema"]
    assert [sector.slug for sector in ordered] == [
        "cultural-heritage",
        "contemporary-art",
        "cinema",
    ]


def test_any_model_ranks_a_page_by_an_annotation() -> None:
    """A ranked page of another model, ordered by a value computed per row (here
    the length of the slug, many of them equal), then as asked, then by id."""
    ranked = Sector.objects.annotate(rank=Length("slug")).order_by("-rank", "order")
    paginator = RankedPaginator(ranked, per_page=5)

    pages = [paginator.get_page(number) for number in (1, 2, 3)]

    assert [sector.slug for page in pages for sector in page] == [s.slug for s in ranked]
    assert [len(page) for page in pages] == [5, 5, 2]
    assert paginator.count == 12
    assert not paginator.truncated

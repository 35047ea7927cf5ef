"""The directory's filters, through the URL a visitor shares."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from directory.filters import OrganisationFilter
from directory.models import Organisation
from tests.directory.helpers import found
from tests.directory.searchable import place, searchable, sector

pytestmark = pytest.mark.django_db


def test_sector_filter_includes_secondary_sectors(client: Client) -> None:
    searchable(name="Main", primary_sector=sector("design"))
    searchable(name="Also", primary_sector=sector("fashion"), sectors=[sector("design")])
    searchable(name="Other", primary_sector=sector("fashion"))

    assert found(client, sector="design") == ["Also", "Main"]


def test_kind_filter(client: Client) -> None:
    searchable(name="Coop", kind=Organisation.Kind.ASSOCIATION)
    searchable(name="Srl", kind=Organisation.Kind.COMPANY)

    assert found(client, kind="association") == ["Coop"]


def test_municipality_filter_by_slug(client: Client) -> None:
    searchable(name="Levante", municipality=place("municipio-ix-levante"))
    searchable(name="Riviera", municipality=place("rapallo"))

    assert found(client, municipality="rapallo") == ["Riviera"]


def test_size_filter(client: Client) -> None:
    searchable(name="Solo", size=Organisation.Size.SOLO)
    searchable(name="Small", size=Organisation.Size.SMALL)

    assert found(client, size="10-49") == ["Small"]


def test_international_cooperation_filter(client: Client) -> None:
    searchable(name="Open", open_to_international=True)
    searchable(name="Local", open_to_international=False)

    assert found(client, international="on") == ["Open"]
    assert found(client) == ["Local", "Open"]


def test_filters_combine(client: Client) -> None:
    searchable(name="Yes", primary_sector=sector("design"), municipality=place("rapallo"))
    searchable(name="No place", primary_sector=sector("design"))
    searchable(name="No sector", municipality=place("rapallo"))

    assert found(client, sector="design", municipality="rapallo") == ["Yes"]


def test_newest_first(client: Client) -> None:
    now = timezone.now()
    searchable(name="Old", created_at=now - datetime.timedelta(days=300))
    searchable(name="New", created_at=now - datetime.timedelta(days=1))
    searchable(name="Middle", created_at=now - datetime.timedelta(days=30))

    assert found(client, sort="newest") == ["New", "Middle", "Old"]


def test_relevance_without_words_sorts_by_name(client: Client) -> None:
    searchable(name="Beta")
    searchable(name="Alfa")

    assert found(client, sort="relevance") == ["Alfa", "Beta"]


def test_default_order_is_relevance_when_searching_and_name_otherwise() -> None:
    searching = OrganisationFilter({"q": "design"}, queryset=Organisation.objects.published())
    browsing = OrganisationFilter({}, queryset=Organisation.objects.published())
    searching.qs  # noqa: B018
    browsing.qs  # noqa: B018

    assert searching.order == "relevance"
    assert browsing.order == "name"
    # The form sends no sort of its own, so words typed on a browsing page rank.
    assert searching.form["sort"].value() is None
    assert browsing.form["sort"].value() is None


def test_words_typed_on_the_browsing_page_are_ranked(client: Client) -> None:
    searchable(name="Alfa Grafica", short_description_it="Stampa e incisione.")
    searchable(name="Zeta Incisioni", short_description_it="Incisione, incisione, incisione.")

    browsing = client.get("/it/directory/").content.decode()
    # The form as the browsing page renders it: its fields' values submitted again.
    assert 'name="sort"' in browsing
    assert 'value="name" selected' not in browsing
    assert found(client, q="incisione") == ["Zeta Incisioni", "Alfa Grafica"]


def test_a_wrong_value_drops_only_its_own_filter(client: Client) -> None:
    searchable(name="Design", primary_sector=sector("design"), kind=Organisation.Kind.COMPANY)
    searchable(name="Cinema", primary_sector=sector("cinema"), kind=Organisation.Kind.COMPANY)

    assert found(client, sector="design", kind="nonsense") == ["Design"]


def test_active_filters_name_the_value_shown_in_the_form() -> None:
    filterset = OrganisationFilter(
        {"q": "archit", "sector": "design", "municipality": "rapallo", "page": "3"},
        queryset=Organisation.objects.published(),
    )

    active = {item["name"]: item for item in filterset.active_filters()}

    assert set(active) == {"q", "sector", "municipality"}
    assert active["sector"]["value"] == "Design"
    assert active["municipality"]["value"] == "Rapallo"
    assert active["sector"]["query"] == "q=archit&municipality=rapallo"
    assert active["q"]["query"] == "sector=design&municipality=rapallo"


def test_only_valid_choices_make_a_cached_form_whatever_the_words() -> None:
    def key(**params: str) -> str | None:
        return OrganisationFilter(params, queryset=Organisation.objects.published()).form_key

    assert key(sector="design", utm_source="newsletter") == key(sector="design")
    assert key(sector="design") != key(sector="cinema")
    assert key(q="archit", sector="design") == key(q="liuteria", sector="design")
    assert key(sector="no-such-sector") is None
    assert key(q="x" * 201) is None


def test_a_query_string_does_not_add_a_cached_header(client: Client) -> None:
    from django.core.cache import cache

    client.get("/it/directory/")
    entries = len(cache._cache)  # type: ignore[attr-defined]
    for number in range(5):
        client.get(f"/it/directory/?utm_source=campaign-{number}")

    assert len(cache._cache) == entries  # type: ignore[attr-defined]
    client.get("/it/directory/?sector=design")
    assert len(cache._cache) > entries  # type: ignore[attr-defined]

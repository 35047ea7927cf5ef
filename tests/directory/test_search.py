"""Full-text search of the directory, as a visitor types it, and the same search
reused by another list."""

import pytest
from django.contrib.postgres.search import SearchVector
from django.test import Client

from creativecities.lists.pagination import RankedPaginator
from creativecities.lists.search import SearchableQuerySet
from directory.models import Organisation, OrganisationQuerySet, Sector
from tests.directory.helpers import found, names
from tests.directory.searchable import searchable, sector

pytestmark = pytest.mark.django_db


def test_italian_stemming_finds_other_forms_of_a_word(client: Client) -> None:
    searchable(name="Rossi & Bianchi", short_description_it="Siamo un architetto e un ingegnere.")
    searchable(name="Casa Libri", short_description_it="Piccoli editori indipendenti.")

    assert found(client, "architetti") == ["Rossi & Bianchi"]
    assert found(client, "editore") == ["Casa Libri"]


def test_english_stemming_on_the_english_description(client: Client) -> None:
    searchable(name="Lumen", short_description_en="We are publishers of illustrated books.")

    assert found(client, "publisher", "en") == ["Lumen"]


def test_the_last_word_is_a_prefix(client: Client) -> None:
    searchable(name="Studio Nervi", short_description_it="Architettura e paesaggio.")
    searchable(name="Forno Antico", short_description_it="Pane e focaccia.")

    assert found(client, "archit") == ["Studio Nervi"]
    assert found(client, "paesaggio archit") == ["Studio Nervi"]


def test_earlier_words_must_match_whole(client: Client) -> None:
    searchable(name="Studio Nervi", short_description_it="Architettura e paesaggio.")

    assert found(client, "paesaggio architettura") == ["Studio Nervi"]
    assert found(client, "paes architettura") == []


def test_accents_do_not_matter_either_way(client: Client) -> None:
    searchable(name="Città Creativa", short_description_it="Un'associazione di quartiere.")
    searchable(name="Citta Nuova", short_description_it="Progetti per la città.")

    assert sorted(found(client, "citta")) == ["Citta Nuova", "Città Creativa"]
    assert sorted(found(client, "CITTÀ")) == ["Citta Nuova", "Città Creativa"]


def test_names_and_places_are_found_as_typed(client: Client) -> None:
    searchable(name="Ghiaccio Bollente", short_description_it="Grafica.")

    assert found(client, "ghiaccio bollente") == ["Ghiaccio Bollente"]
    assert found(client, "ghiaccio", "en") == ["Ghiaccio Bollente"]


def test_sector_names_in_both_languages_are_searchable(client: Client) -> None:
    searchable(name="Pellicola", primary_sector=sector("cinema"))
    searchable(name="Sartoria", primary_sector=sector("fashion"))

    assert found(client, "moda") == ["Sartoria"]
    assert found(client, "fashion") == ["Sartoria"]


def test_every_word_must_match(client: Client) -> None:
    searchable(name="Studio Nervi", short_description_it="Architettura e paesaggio.")
    searchable(name="Studio Piano", short_description_it="Architettura e musei.")

    assert found(client, "musei architettura") == ["Studio Piano"]


def test_punctuation_and_operators_are_only_words(client: Client) -> None:
    searchable(name="Studio Nervi", short_description_it="Architettura.")

    assert found(client, "nervi & | ! :* ('") == ["Studio Nervi"]
    assert len(found(client, "!!! ???")) == 1  # no words: the whole directory


def test_results_are_ranked_names_first(client: Client) -> None:
    searchable(name="Alfa Grafica", short_description_it="Un pittore ci ha aiutato.")
    searchable(name="Zeta Pittore", short_description_it="Studio d'arte.")

    assert found(client, "pittore") == ["Zeta Pittore", "Alfa Grafica"]


def test_a_search_can_be_sorted_by_name_instead(client: Client) -> None:
    searchable(name="Alfa Grafica", short_description_it="Un pittore ci ha aiutato.")
    searchable(name="Zeta Pittore", short_description_it="Studio d'arte.")

    response = client.get("/it/directory/", {"q": "pittore", "sort": "name"})

    assert names(response) == ["Alfa Grafica", "Zeta Pittore"]


# As queryset methods -------------------------------------------------------------


def test_search_ranks_the_matches_and_matching_only_filters() -> None:
    searchable(name="Alfa Grafica", short_description_it="Un pittore ci ha aiutato.")
    searchable(name="Zeta Pittore", short_description_it="Studio d'arte.")
    searchable(name="Beta Forno", short_description_it="Pane.")
    published = Organisation.objects.published()

    assert [o.name for o in published.search("pittore")] == ["Zeta Pittore", "Alfa Grafica"]
    assert [o.name for o in published.matching("pittore").order_by("name")] == [
        "Alfa Grafica",
        "Zeta Pittore",
    ]
    assert published.search("!!!").count() == 3  # no words: nothing filtered


class SimpleOnly(OrganisationQuerySet):
    """The organisations' stored vector searched with one of its configurations."""

    search_configs = ("simple",)


def test_the_configurations_searched_are_the_querysets_to_choose() -> None:
    searchable(name="Rossi & Bianchi", short_description_it="Siamo un architetto.")
    searchable(name="Casa Libri", short_description_it="Editori.")

    assert [o.name for o in Organisation.objects.search("architetti")] == ["Rossi & Bianchi"]
    # Without the Italian configuration, another form of the word finds nothing,
    # while a name still matches as typed.
    assert list(SimpleOnly(Organisation).search("architetti")) == []
    assert [o.name for o in SimpleOnly(Organisation).search("casa")] == ["Casa Libri"]


class SectorQuerySet(SearchableQuerySet[Sector]):
    """Sectors searched like organisations, under another vector and configuration.

    Sectors store no vector and the app gains no model for this test: the
    queryset computes one, under another name, from the English name (weight A)
    and description (weight B), and the mixin reads it by that name as it reads
    a stored `SearchVectorField`. A guide or a call would store its vector;
    nothing else differs.
    """

    search_vector_field = "document"
    search_configs = ("english",)


def searchable_sectors() -> SectorQuerySet:
    return SectorQuerySet(Sector).annotate(
        document=SearchVector("name_en", weight="A", config="english")
        + SearchVector("description_en", weight="B", config="english")
    )


def test_another_model_searches_and_ranks_with_its_own_vector() -> None:
    # "Design" names one sector; "design" and "designers" (English stemming)
    # appear in two other descriptions; equal ranks keep the sectors' order.
    searched = searchable_sectors().search("designer")

    assert [s.slug for s in searched] == ["design", "architecture", "fashion"]
    assert [s.slug for s in searchable_sectors().matching("designer").order_by("slug")] == [
        "architecture",
        "design",
        "fashion",
    ]


def test_another_model_pages_its_ranked_search() -> None:
    paginator = RankedPaginator(searchable_sectors().search("design"), per_page=2)

    first, last = paginator.get_page(1), paginator.get_page(2)

    assert [s.slug for s in [*first, *last]] == ["design", "architecture", "fashion"]
    assert paginator.count == 3
    assert not first[0].get_deferred_fields()

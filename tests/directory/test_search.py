"""Full-text search of the directory, as a visitor types it."""

import pytest
from django.test import Client

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

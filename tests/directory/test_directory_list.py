import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.utils import timezone

from directory.models import Organisation
from tests.directory.helpers import names
from tests.directory.searchable import place, searchable, sector

pytestmark = pytest.mark.django_db


def test_lists_published_organisations_by_name_with_a_count(client: Client) -> None:
    searchable(name="Zeta Design")
    searchable(name="Alfa Architetti")
    searchable(name="Bozza Studio", status=Organisation.Status.DRAFT)
    searchable(name="In attesa", status=Organisation.Status.PENDING)

    response = client.get("/en/directory/")

    assert response.status_code == HTTPStatus.OK
    assert names(response) == ["Alfa Architetti", "Zeta Design"]
    assert "Organisations found: 2" in response.content.decode()


def test_card_shows_kind_sector_place_and_description_in_the_page_language(
    client: Client,
) -> None:
    searchable(
        name="Officina Sonora",
        kind=Organisation.Kind.ASSOCIATION,
        primary_sector=sector("music-performing-arts"),
        municipality=place("camogli"),
        short_description_it="Associazione musicale di Camogli.",
        short_description_en="A music association in Camogli.",
    )

    english = client.get("/en/directory/").content.decode()
    italian = client.get("/it/directory/").content.decode()

    assert "A music association in Camogli." in english
    assert "Association or non-profit" in english
    assert "Music and performing arts" in english
    assert "Camogli" in english
    assert "Associazione musicale di Camogli." in italian
    assert "Associazione musicale di Camogli." not in english


def test_description_falls_back_to_italian(client: Client) -> None:
    searchable(short_description_it="Solo in italiano.", short_description_en="")

    assert "Solo in italiano." in client.get("/en/directory/").content.decode()


def test_lapsed_profiles_are_not_listed(client: Client) -> None:
    searchable(name="Vecchio Studio", confirmed_at=timezone.now() - Organisation.LAPSE_AFTER * 1.1)
    searchable(name="Studio Attivo", confirmed_at=timezone.now())

    response = client.get("/it/directory/")

    assert response.status_code == HTTPStatus.OK
    assert names(response) == ["Studio Attivo"]
    assert "Vecchio Studio" not in response.content.decode()


def test_filters_live_in_the_address_and_are_shown_in_the_form(client: Client) -> None:
    searchable(name="Studio Nervi", primary_sector=sector("architecture"))
    searchable(name="Cineteca", primary_sector=sector("cinema"))

    response = client.get("/en/directory/?sector=architecture")

    assert names(response) == ["Studio Nervi"]
    content = response.content.decode()
    assert re.search(r'<option value="architecture"[^>]*selected', content)
    assert "Sector: Architecture" in content


def test_form_is_labelled_and_works_without_javascript(client: Client) -> None:
    content = client.get("/en/directory/").content.decode()

    form = re.search(r"<form[^>]*data-results-form[^>]*>", content)
    assert form and 'method="get"' in form.group(0)
    for name in ["q", "sector", "kind", "municipality", "size", "international", "sort"]:
        assert f'<label for="id_{name}"' in content, name
    assert '<button type="submit"' in content


def test_invalid_filters_give_a_message_not_an_error(client: Client) -> None:
    searchable(name="Studio Nervi")

    response = client.get(
        "/en/directory/?sector=no-such-sector&kind=robot&size=huge&sort=sideways&page=many"
    )

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Some filters in the address are not valid" in content
    assert "Select a valid choice" in content
    assert names(response) == ["Studio Nervi"]


def test_an_overlong_search_is_refused_politely(client: Client) -> None:
    response = client.get("/en/directory/", {"q": "design " * 100})

    assert response.status_code == HTTPStatus.OK
    assert "Some filters in the address are not valid" in response.content.decode()


def test_pages_of_twenty_with_pagination_links_that_keep_the_filters(client: Client) -> None:
    for number in range(45):
        searchable(name=f"Studio {number:02d}", primary_sector=sector("design"))

    first = client.get("/en/directory/?sector=design")
    third = client.get("/en/directory/?sector=design&page=3")

    assert len(names(first)) == 20
    assert "Organisations found: 45" in first.content.decode()
    assert 'href="?sector=design&amp;page=2"' in first.content.decode()
    assert names(third) == [f"Studio {n}" for n in range(40, 45)]


def test_a_page_past_the_end_shows_the_last_page(client: Client) -> None:
    searchable(name="Unico Studio")

    response = client.get("/en/directory/?page=99")

    assert response.status_code == HTTPStatus.OK
    assert names(response) == ["Unico Studio"]


def test_empty_state_says_what_was_searched_and_how_to_widen_it(client: Client) -> None:
    searchable(name="Studio Nervi", primary_sector=sector("architecture"))

    response = client.get("/en/directory/?q=nervi&sector=cinema&international=on")

    content = response.content.decode()
    assert "Organisations found: 0" in content
    assert "No organisation matches “nervi” with these filters." in content
    assert "Search again without “Sector: Cinema”" in content
    assert 'href="?q=nervi&amp;international=on"' in content
    assert 'href="?sector=cinema&amp;international=on"' in content
    assert 'href="/en/directory/"' in content
    assert 'href="/en/sectors/"' in content


def test_results_partial_is_served_alone_to_the_script(client: Client) -> None:
    searchable(name="Studio Nervi")

    response = client.get("/en/directory/", headers={"X-Partial": "results"})

    content = response.content.decode()
    assert content.lstrip().startswith('<section id="results"')
    assert "Studio Nervi" in content
    assert "<html" not in content
    assert "X-Partial" in response["Vary"]


def test_page_links_to_the_map_with_the_same_filters(client: Client) -> None:
    content = client.get("/en/directory/?sector=design&page=2").content.decode()

    assert 'href="/en/directory/map/?sector=design"' in content


def test_header_links_to_directory_and_map(client: Client) -> None:
    content = client.get("/en/").content.decode()

    assert 'href="/en/directory/"' in content
    assert 'href="/en/directory/map/"' in content

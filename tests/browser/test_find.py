"""Finding organisations in a browser: search, filters, a profile and the map."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check
from tests.directory.searchable import place, searchable, sector


@pytest.fixture
def directory() -> None:
    searchable(
        name="Studio Nervi",
        slug="studio-nervi",
        primary_sector=sector("architecture"),
        municipality=place("municipio-i-centro-est"),
        short_description_it="Architettura e paesaggio nel centro storico.",
        short_description_en="Architecture and landscape in the old town.",
        latitude="44.410000",
        longitude="8.930000",
    )
    searchable(
        name="Pellicola Aperta",
        slug="pellicola-aperta",
        primary_sector=sector("cinema"),
        municipality=place("camogli"),
        short_description_it="Documentari girati in riviera.",
        short_description_en="Documentaries shot on the riviera.",
        latitude="44.349000",
        longitude="9.155000",
    )
    searchable(name="Senza Mappa", slug="senza-mappa", primary_sector=sector("design"))


def watch_csp(page: Any) -> list[str]:
    """Console reports of anything the Content Security Policy blocked."""
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return blocked


def test_search_filter_and_open_a_profile(page: Any, visit: Any, directory: None) -> None:
    blocked = watch_csp(page)
    visit("/it/directory/")
    results = page.locator("#results")
    expect(results.get_by_role("heading", name="Organizzazioni trovate: 3")).to_be_visible()

    page.evaluate("window.samePage = true")
    page.get_by_role("main").get_by_label("Cerca").fill("archit")
    page.get_by_role("button", name="Mostra i risultati").click()

    expect(results.get_by_role("link", name="Studio Nervi")).to_be_visible()
    expect(results.get_by_role("link", name="Pellicola Aperta")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/it/directory/\?q=archit"))
    # The script swapped the results in place and took the focus to them.
    assert page.evaluate("window.samePage === true")
    expect(page.locator("#results-title")).to_be_focused()
    check(page)

    page.get_by_role("main").get_by_label("Cerca").fill("")
    page.get_by_label("Settore").select_option(label="Cinema")
    page.get_by_role("button", name="Mostra i risultati").click()

    expect(results.get_by_role("link", name="Pellicola Aperta")).to_be_visible()
    expect(results.get_by_role("link", name="Studio Nervi")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"sector=cinema"))

    results.get_by_role("link", name="Pellicola Aperta").click()

    expect(page).to_have_url(re.compile(r"/it/directory/pellicola-aperta/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Pellicola Aperta")
    expect(page.get_by_text("Documentari girati in riviera.").first).to_be_visible()
    check(page)
    assert not blocked, blocked


def test_back_reloads_only_steps_that_change_the_results(
    page: Any, visit: Any, directory: None
) -> None:
    visit("/it/directory/")
    results = page.locator("#results")
    page.evaluate("window.samePage = true")
    page.get_by_role("main").get_by_label("Cerca").fill("archit")
    page.get_by_role("button", name="Mostra i risultati").click()
    expect(results.get_by_role("heading", name="Organizzazioni trovate: 1")).to_be_visible()
    # Following the skip link adds a step to the history.
    page.get_by_role("link", name="Vai al contenuto principale").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=archit[^#]*#main-content$"))

    page.go_back()

    expect(page).to_have_url(re.compile(r"/it/directory/\?q=archit[^#]*$"))
    expect(results.get_by_role("heading", name="Organizzazioni trovate: 1")).to_be_visible()
    assert page.evaluate("window.samePage === true")

    page.go_back()

    expect(page).to_have_url(re.compile(r"/it/directory/$"))
    expect(results.get_by_role("heading", name="Organizzazioni trovate: 3")).to_be_visible()
    assert page.evaluate("window.samePage === undefined")


def test_the_form_works_without_javascript(browser: Any, live_server: Any, directory: None) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/directory/")

    page.get_by_role("main").get_by_label("Search").fill("archit")
    page.get_by_role("button", name="Show results").click()

    expect(page).to_have_url(re.compile(r"/en/directory/\?q=archit"))
    expect(page.get_by_role("link", name="Studio Nervi")).to_be_visible()
    expect(page.get_by_role("link", name="Pellicola Aperta")).to_have_count(0)
    context.close()


def test_map_is_the_list_without_javascript(
    browser: Any, live_server: Any, directory: None
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/directory/map/")

    expect(page.locator("#directory-map")).to_be_hidden()
    for name in ["Studio Nervi", "Pellicola Aperta", "Senza Mappa"]:
        expect(page.get_by_role("link", name=name)).to_be_visible()
    context.close()


def test_map_draws_pins_with_javascript(page: Any, visit: Any, directory: None) -> None:
    blocked = watch_csp(page)
    page.route(re.compile(r"^https://tile\.openstreetmap\.org/"), lambda route: route.abort())
    visit("/en/directory/map/")

    container = page.locator("#directory-map")
    expect(container).to_be_visible()
    expect(container).to_have_class(re.compile("leaflet-container"))
    expect(container).to_have_attribute("data-loaded", "2")
    expect(container.locator(".leaflet-marker-icon")).not_to_have_count(0)
    expect(container.get_by_role("link", name="OpenStreetMap")).to_be_visible()
    expect(page.locator("#results").get_by_role("link", name="Senza Mappa")).to_be_visible()
    check(page)
    assert not blocked, blocked

"""The maps in a browser, at desktop and phone widths: the directory's pins in
their sectors' colours beside the list (under it on a phone) with the legend,
a profile's small map, and a member placing their pin by clicking the map of
the profile form, which starts at their place's centre."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from directory.models import Organisation
from tests.browser.conftest import check
from tests.browser.test_find import watch_csp
from tests.browser.test_page_parts import DESKTOP, WIDTHS, log_in, look_at
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.searchable import place, searchable, sector

# Tiles are not fetched in tests: the maps draw on their grey background.
TILES = re.compile(r"^https://tile\.openstreetmap\.org/")
CAMOGLI = (44.3487, 9.1549)


@pytest.mark.parametrize("width", WIDTHS)
def test_pins_in_their_sectors_colours_beside_the_list_and_on_the_profile(
    page: Any, live_server: Any, width: int
) -> None:
    searchable(
        name="Studio Nervi",
        slug="studio-nervi",
        primary_sector=sector("architecture"),
        latitude="44.410000",
        longitude="8.930000",
    )
    searchable(
        name="Pellicola Aperta",
        slug="pellicola-aperta",
        primary_sector=sector("cinema"),
        latitude="44.349000",
        longitude="9.155000",
    )
    blocked = watch_csp(page)
    page.route(TILES, lambda route: route.abort())
    page.set_viewport_size({"width": width, "height": 900})
    look_at(page, live_server, "/it/directory/map/")

    container = page.locator("#directory-map")
    expect(container).to_have_attribute("data-loaded", "2")
    # Architecture is the second sector: pin number 2, in the second colour,
    # named with its sector for whoever does not see the colour.
    pin = container.locator(".portal-pin", has_text="2")
    expect(pin).to_have_attribute("title", "Studio Nervi · Architettura")
    colour = pin.locator(".portal-pin-shape").evaluate(
        "(el) => getComputedStyle(el).backgroundColor"
    )
    assert colour == "rgb(184, 20, 31)"
    # The tiles' attribution is readable: dark link on a nearly opaque white.
    attribution = container.locator(".leaflet-control-attribution")
    assert (
        attribution.get_by_role("link", name="OpenStreetMap").evaluate(
            "(el) => getComputedStyle(el).color"
        )
        == "rgb(0, 89, 179)"
    )
    assert attribution.evaluate("(el) => getComputedStyle(el).backgroundColor") == (
        "rgba(255, 255, 255, 0.95)"
    )
    legend = page.locator(".portal-map-legend")
    expect(legend.get_by_role("listitem").filter(has_text="Architettura")).to_contain_text("2")
    check(page)

    # Wide, the list runs beside the map; narrow, under it.
    map_box, list_box = container.bounding_box(), page.locator("#results").bounding_box()
    assert map_box is not None and list_box is not None
    if width == DESKTOP:
        assert list_box["x"] + list_box["width"] <= map_box["x"], (list_box, map_box)
        assert abs(list_box["y"] - map_box["y"]) < 80, (list_box, map_box)
    else:
        assert list_box["y"] >= map_box["y"] + map_box["height"], (list_box, map_box)

    # The pin's popup leads to the profile, whose small map shows the same pin.
    pin.click()
    link = container.locator(".leaflet-popup").get_by_role("link", name="Studio Nervi")
    expect(link).to_be_visible()
    # From the keyboard: on a phone the map may still be panning to show the
    # popup, and a click during the pan can land beside the link.
    link.press("Enter")
    expect(page).to_have_url(re.compile(r"/it/directory/studio-nervi/$"))
    small = page.locator("[data-place-map]")
    expect(small).to_be_visible()
    expect(small.locator(".portal-pin")).to_have_text("2")
    look_at(page, live_server, "/it/directory/studio-nervi/")
    assert not blocked, blocked


@pytest.mark.parametrize("width", WIDTHS)
def test_a_member_places_the_pin_by_clicking_the_map(
    page: Any, live_server: Any, width: int
) -> None:
    member = UserFactory.create(email="giulia@example.org")
    organisation = OrganisationFactory.create(
        name="Pellicola Aperta",
        slug="pellicola-aperta",
        members=[member],
        primary_sector=sector("cinema"),
        municipality=place("camogli"),
        latitude=None,
        longitude=None,
    )
    blocked = watch_csp(page)
    page.route(TILES, lambda route: route.abort())
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, member)
    look_at(page, live_server, "/it/directory/pellicola-aperta/edit/")
    check(page)

    # The map starts at Camogli's centre: a click in its middle puts the pin there.
    picker = page.locator("[data-pin-map]")
    picker.scroll_into_view_if_needed()
    box = picker.bounding_box()
    assert box is not None
    picker.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    latitude, longitude = page.get_by_label("Latitudine"), page.get_by_label("Longitudine")
    expect(latitude).not_to_have_value("")
    assert abs(float(latitude.input_value()) - CAMOGLI[0]) < 0.001
    assert abs(float(longitude.input_value()) - CAMOGLI[1]) < 0.001
    expect(page.locator("[data-pin-status]")).to_contain_text("Segnaposto collocato")

    # A second click a little to the east moves it there.
    picker.click(position={"x": box["width"] / 2 + 60, "y": box["height"] / 2})
    east = float(longitude.input_value())
    assert east > CAMOGLI[1] + 0.001
    expect(picker.locator(".portal-pin")).to_have_count(1)
    check(page)

    page.get_by_role("button", name="Salva", exact=True).click()
    expect(page).to_have_url(re.compile(r"/it/account/$"))
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert organisation.latitude is not None and organisation.longitude is not None
    assert abs(float(organisation.latitude) - CAMOGLI[0]) < 0.001
    assert float(organisation.longitude) == pytest.approx(east, abs=1e-6)
    assert not blocked, blocked

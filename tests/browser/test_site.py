"""The site as a person uses it at 1280 and 390 px: the header's one search,
the menu on one line or in the phone's panel, the results, the home page's
blocks and the section pages, every page laid out and axe clean."""

from typing import Any

import pytest
from playwright.sync_api import expect

from actionplan.services.plans import plan_publish
from tests.actionplan.factories import ActionFactory, PartnerMemberFactory
from tests.browser.conftest import assert_accessible
from tests.browser.test_page_parts import DESKTOP, PHONE, WIDTHS, look_at, settled
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory
from tests.directory.searchable import searchable


@pytest.fixture
def saffron_everywhere(live_server: Any) -> None:
    searchable(name="Zafferano Studio", short_description_it="Grafica per il gusto.")
    GuideFactory.create(title_it="Aprire una bottega dello zafferano")
    FundingCallFactory.create(title_it="Bando zafferano ligure")
    PremisesFactory.create(title_it="Magazzino dello zafferano")
    action = ActionFactory.create(
        title="Saffron route across the partner cities " * 4,
        description="Zafferano " + "x" * 300,
    )
    plan_publish(plan=action.theme.plan, by=PartnerMemberFactory.create(is_coordinator=True).user)


def test_on_a_desktop_the_menu_is_one_line_and_the_header_searches(
    page: Any, live_server: Any, saffron_everywhere: None
) -> None:
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    look_at(page, live_server, "/it/")
    links = page.locator(".portal-navbar .navbar-nav > .nav-item > .nav-link")
    expect(links).to_have_count(7)  # five sections, two quick links
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    # One row: every item shares a horizontal band with every other.
    assert max(box["y"] for box in boxes) < min(box["y"] + box["height"] for box in boxes)
    expect(page.locator(".portal-submenu").first).to_be_hidden()

    header = page.get_by_role("banner")
    header.get_by_label("Cerca nel sito").fill("zafferano")
    header.get_by_label("Cerca nel sito").press("Enter")

    expect(page).to_have_url(f"{live_server.url}/it/cerca/?q=zafferano")
    settled(page)
    for kind in ["Organizzazioni", "Schede informative", "Bandi", "Spazi disponibili"]:
        expect(page.get_by_role("heading", name=kind, exact=True)).to_be_visible()
    page.get_by_role("link", name="Bando zafferano ligure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bando zafferano ligure")
    crumbs = page.get_by_role("navigation", name="Percorso di navigazione")
    expect(crumbs.get_by_role("link", name="Sportello")).to_be_visible()
    expect(page.locator(".portal-navbar .nav-link.active").first).to_have_text("Sportello")


def test_on_a_phone_the_search_and_the_menu_are_a_tap_away(
    page: Any, live_server: Any, saffron_everywhere: None
) -> None:
    page.set_viewport_size({"width": PHONE, "height": 800})
    look_at(page, live_server, "/it/")
    expect(page.get_by_role("banner").get_by_label("Cerca nel sito")).to_be_hidden()

    page.get_by_role("link", name="Cerca nel sito").click()
    expect(page).to_have_url(f"{live_server.url}/it/cerca/")
    settled(page)
    page.get_by_label("Parole da cercare").fill("zafferano")
    page.get_by_label("In", exact=True).select_option(label="Azioni del Piano")
    page.get_by_role("button", name="Cerca", exact=True).click()
    expect(page.get_by_role("heading", name="Azioni del Piano: 1")).to_be_visible()
    settled(page)  # a long title and an unbroken description stay in the window

    page.get_by_role("link", name="Apri il menu").click()
    menu = page.locator("#main-menu .menu-wrapper")
    expect(menu.get_by_role("link", name="Dati e indagine")).to_be_visible()
    menu.get_by_role("link", name="Bandi", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/it/contact-point/calls/")
    expect(menu).to_be_hidden()


@pytest.mark.parametrize("width", WIDTHS)
def test_home_sections_and_results_fit_the_window(
    page: Any, live_server: Any, saffron_everywhere: None, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for path in [
        "/it/",
        "/en/",
        "/it/cerca/?q=zafferano",
        "/en/search/?q=zafferano&kind=actions",
        "/it/cerca/?q=" + "zafferano%00" * 30,
        "/it/data/",
        "/it/sectors/",
    ]:
        look_at(page, live_server, path)
        if width == DESKTOP:  # look_at runs axe on the phone only
            assert_accessible(page)

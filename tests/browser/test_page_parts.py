"""The parts every page shares, and the content pages, seen on a desktop and on a phone.

Header (signed out and in), the menu opened, footer, breadcrumbs, messages,
pagination and every form page are laid out at 1280 and 390 px, and the test
measures what people would see: no label drawn over its neighbours (the heading
above, the previous field's help, its own input), no horizontal scrollbar, no
header item running into another, a menu that opens as a panel over a backdrop
and closes again, and a visible focus on the header's controls.
"""

import datetime
import itertools
import re
from decimal import Decimal
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionplan.models import PartnerRole
from actionplan.services.plans import plan_publish
from tests.actionplan.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorUpdateFactory,
    PartnerMemberFactory,
    ThemeFactory,
)
from tests.browser.conftest import assert_styled, check
from tests.contactpoint.factories_calls import FundingCallFactory
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OrganisationFactory, PartnerFactory, UserFactory

PASSWORD = "a-long-test-password"
DESKTOP, PHONE = 1280, 390
WIDTHS = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]

LAYOUT_PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()


def assert_laid_out(page: Any) -> None:
    problems = page.evaluate(LAYOUT_PROBLEMS)
    width = page.viewport_size["width"]
    assert not problems, f"{page.url} at {width}px:\n" + "\n".join(problems)


def look_at(page: Any, live_server: Any, path: str) -> None:
    """Open a page and check its layout; axe too on the phone (the other suites
    run it at desktop width on every page they visit)."""
    response = page.goto(live_server.url + path)
    assert response is not None and response.status == HTTPStatus.OK, path
    settled(page)


def settled(page: Any) -> None:
    if page.viewport_size["width"] == PHONE:
        check(page)
    else:
        assert_styled(page)
    assert_laid_out(page)


def log_in(page: Any, live_server: Any, user: Any) -> None:
    page.goto(live_server.url + "/it/accounts/login/")
    page.get_by_label("Indirizzo email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Accedi").click()
    expect(page.get_by_role("button", name="Esci")).to_be_visible()


@pytest.fixture
def member_of(live_server: Any) -> Any:
    """Giulia Parodi and the published studio she belongs to."""
    member = UserFactory.create(first_name="Giulia", last_name="Parodi", email="giulia@example.org")
    organisation = OrganisationFactory.create(
        name="Pixel di Mare Games", slug="pixel-di-mare-games", members=[member]
    )
    return member, organisation


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_for_visitors(page: Any, live_server: Any, width: int) -> None:
    """Header signed out, footer, breadcrumbs and the visitors' forms, empty and with errors."""
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["/it/", "/en/register/"]:
        look_at(page, live_server, path)
    for path in ["/it/accounts/login/", "/it/register/", "/it/accounts/password_reset/"]:
        look_at(page, live_server, path)
        page.get_by_role("main").locator("button[type=submit]").last.click()
        expect(page.locator(".alert-danger").first).to_be_visible()
        settled(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_directory_filters_and_pagination(page: Any, live_server: Any, width: int) -> None:
    OrganisationFactory.create_batch(23)
    page.set_viewport_size({"width": width, "height": 900})
    look_at(page, live_server, "/it/directory/?page=2")
    expect(page.get_by_role("navigation", name="Pagine")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("search")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_for_members(page: Any, live_server: Any, member_of: Any, width: int) -> None:
    """Header signed in, the members' forms, and a message after one of them."""
    member, organisation = member_of
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, member)
    for path in [
        "/it/account/",
        f"/it/directory/{organisation.slug}/edit/",
        "/it/accounts/password_change/",
        f"/it/directory/{organisation.slug}/invite/",
    ]:
        look_at(page, live_server, path)
    page.get_by_label("Indirizzo email del collega").fill("collega@example.org")
    page.get_by_role("button", name="Invia l'invito").click()
    expect(page.locator(".portal-messages")).to_contain_text("collega@example.org")
    expect(page.get_by_role("navigation", name="Percorso di navigazione")).to_be_visible()
    settled(page)


def menu_is_open(page: Any) -> bool:
    return bool(
        page.evaluate(
            "() => getComputedStyle(document.getElementById('main-menu')).display !== 'none'"
        )
    )


def test_menu_on_a_phone_is_a_panel_over_a_backdrop(
    page: Any, live_server: Any, member_of: Any
) -> None:
    member, _organisation = member_of
    page.set_viewport_size({"width": PHONE, "height": 800})
    log_in(page, live_server, member)
    look_at(page, live_server, "/it/directory/")
    menu = page.locator("#main-menu .menu-wrapper")
    expect(menu).to_be_hidden()

    # Opened, it covers the page from the left edge; the backdrop dims the rest.
    page.get_by_role("link", name="Apri il menu").click()
    expect(page.get_by_role("link", name="Elenco")).to_be_visible()
    page.wait_for_function(
        "() => document.querySelector('#main-menu .menu-wrapper').getBoundingClientRect().left >= 0"
    )
    panel = menu.bounding_box()
    assert panel is not None
    assert panel["x"] == 0 and panel["y"] == 0, panel
    assert panel["width"] >= PHONE - 48 and panel["height"] >= 800, panel
    assert page.evaluate(
        "() => document.elementFromPoint(100, 600).closest('.menu-wrapper') !== null"
    ), "the panel is above the page"
    backdrop = page.evaluate(
        f"() => {{ const el = document.elementFromPoint({PHONE - 10}, 600);"
        " return el.matches('.overlay') && getComputedStyle(el).backgroundColor; }"
    )
    assert backdrop not in {False, "rgba(0, 0, 0, 0)"}, "a backdrop dims the page"
    settled(page)

    # The close button closes it, and so does a tap on the backdrop.
    page.get_by_role("link", name="Chiudi il menu").click()
    expect(menu).to_be_hidden()
    page.get_by_role("link", name="Apri il menu").click()
    expect(page.get_by_role("link", name="Elenco")).to_be_visible()
    page.mouse.click(PHONE - 10, 600)
    expect(menu).to_be_hidden()
    assert_laid_out(page)

    # With the keyboard: open, the next stop is the close button, then the links.
    page.get_by_role("link", name="Apri il menu").focus()
    page.keyboard.press("Enter")
    assert menu_is_open(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Chiudi il menu")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#main-menu .nav-link").first).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert not menu_is_open(page)


def test_menu_on_a_desktop_is_a_bar(page: Any, live_server: Any) -> None:
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    look_at(page, live_server, "/it/")
    expect(page.get_by_role("link", name="Apri il menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Chiudi il menu")).to_be_hidden()
    links = page.locator(".portal-navbar .navbar-nav > .nav-item > .nav-link")
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    assert max(box["y"] for box in boxes) < min(box["y"] + box["height"] for box in boxes), (
        "the menu is one row"
    )


FOCUS_OUTLINE = """
(el) => {
  const style = getComputedStyle(el);
  return {
    width: parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor,
  };
}
"""


def tab_to(page: Any, name: str) -> None:
    """Press Tab as a keyboard user would until the control called `name` has focus."""
    for _ in range(20):
        page.keyboard.press("Tab")
        if re.search(name, page.evaluate("() => document.activeElement.textContent || ''")):
            return
    pytest.fail(f"Tab never reached {name!r}")


@pytest.mark.parametrize("width", WIDTHS)
def test_header_controls_show_their_focus(
    page: Any, live_server: Any, member_of: Any, width: int
) -> None:
    """WCAG 2.4.7: a white outline, clear on both blues of the header."""
    member, _organisation = member_of
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/it/")
    assert_styled(page)
    controls = ["EN", "Accedi"] if width == PHONE else ["EN", "Registra", "Accedi"]
    for name in controls:
        tab_to(page, name)
        outline = page.evaluate(f"() => ({FOCUS_OUTLINE})(document.activeElement)")
        assert outline == {"width": 3, "style": "solid", "color": "rgb(255, 255, 255)"}, name
    log_in(page, live_server, member)
    page.goto(live_server.url + "/it/")
    for name in ["Il tuo account", "Esci"]:
        tab_to(page, name)
        outline = page.evaluate(f"() => ({FOCUS_OUTLINE})(document.activeElement)")
        assert outline == {"width": 3, "style": "solid", "color": "rgb(255, 255, 255)"}, name


def test_the_home_pages_main_button_is_readable(page: Any, live_server: Any) -> None:
    """The desk's button sits in a callout, whose link colour once reached it."""
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    look_at(page, live_server, "/it/")
    button = page.get_by_role("link", name="Vai allo sportello")
    expect(button).to_be_visible()
    colour, background = button.evaluate(
        "(el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    )
    assert colour == "rgb(255, 255, 255)" and background == "rgb(0, 102, 204)"


@pytest.fixture
def published_plan(live_server: Any) -> Any:
    """A published plan with a long-named lead partner, an indicator with values
    (the workspace shows them in a table) and one with none yet; its editor."""
    lead = PartnerFactory.create(name="Regional Development Agency of the Ljubljana Urban Region")
    editor = PartnerMemberFactory.create(
        partner=lead,
        role=PartnerRole.EDITOR,
        user=UserFactory.create(email="agnieszka.kowalska@demo.creativecities.example"),
    )
    coordinator = PartnerMemberFactory.create(
        partner=PartnerFactory.create(), role=PartnerRole.EDITOR, is_coordinator=True
    )
    action = ActionFactory.create(
        theme=ThemeFactory.create(title_en="Spaces for creativity", title_it="Spazi"),
        lead_partner=lead,
        partners=[PartnerFactory.create(name="Gdańsk Entrepreneurship Foundation")],
        title="Map vacant premises for creative firms",
        description="Know which empty shops and workshops could host creative businesses.",
        starts_on=datetime.date(2020, 1, 1),
    )
    mapped = IndicatorFactory.create(action=action, name="Premises mapped", unit="premises")
    for day in range(1, 4):
        IndicatorUpdateFactory.create(
            indicator=mapped,
            value=Decimal(10 * day),
            measured_on=datetime.date(2026, 3, day),
            note="Counted by the survey team in the historic centre",
            created_by=editor.user,
        )
    IndicatorFactory.create(action=action, name="Mentoring pairs", unit="pairs")
    plan_publish(plan=action.theme.plan, by=coordinator.user)
    return action, editor


def stacked(page: Any, selector: str) -> None:
    """The parts of the card one under the other: none beside another."""
    boxes = page.locator(selector).evaluate_all(
        "(parts) => parts.map((el) => el.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) >= 4, boxes
    for above, below in itertools.pairwise(boxes):
        assert below["top"] >= above["bottom"] - 1, (above, below)


@pytest.mark.parametrize("width", WIDTHS)
def test_content_pages_fit_a_phone_and_read_well(
    page: Any, live_server: Any, member_of: Any, published_plan: Any, width: int
) -> None:
    """The profile with its long badge, a call closing in two days, the plan and
    an action, the member's account with its table, and the workspace action
    with its table of values: none wider than the window, every badge readable."""
    member, organisation = member_of
    organisation.open_to_international = True
    # A logo beside the name leaves the badges a narrow column on a phone (the
    # file itself is not needed: the image keeps its size).
    organisation.logo.name = "logos/pixel-di-mare-games.webp"
    organisation.save()
    EnquiryFactory.create(organisation=organisation, subject="Locali per un laboratorio")
    FundingCallFactory.create(
        title_it="Bando che chiude presto",
        closes_at=timezone.now() + datetime.timedelta(days=2),
    )
    action, editor = published_plan
    plan = action.theme.plan
    page.set_viewport_size({"width": width, "height": 900})

    look_at(page, live_server, f"/it/directory/{organisation.slug}/")
    expect(page.locator(".badge", has_text="Aperta alla cooperazione")).to_be_visible()
    look_at(page, live_server, "/it/contact-point/calls/")
    expect(page.locator(".badge", has_text="Chiude tra 2 giorni")).to_be_visible()
    look_at(page, live_server, f"/it/action-plan/{plan.slug}/")
    stacked(page, ".plan-action .portal-item-body > *")
    expect(page.get_by_text("Testo disponibile solo in inglese")).to_be_visible()
    look_at(page, live_server, f"/it/action-plan/{plan.slug}/actions/{action.pk}/")
    expect(page.get_by_text("Nessun valore ancora misurato")).to_be_visible()

    log_in(page, live_server, member)
    look_at(page, live_server, "/it/account/")
    expect(page.get_by_role("table")).to_be_visible()
    page.get_by_role("button", name="Esci").click()

    log_in(page, live_server, editor.user)
    look_at(page, live_server, f"/it/action-plan/workspace/actions/{action.pk}/")
    expect(page.get_by_role("table")).to_be_visible()

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import check


def test_home_in_italian_then_english(page: Any, visit: Any) -> None:
    visit("/it/")

    expect(page.locator("h1")).to_have_text("L'industria creativa di Genova, in un solo luogo")
    expect(page.locator("#sectors li")).to_have_count(12)
    expect(page.get_by_role("link", name="Industria del gusto")).to_be_visible()

    page.get_by_role("navigation", name="Lingua").get_by_role("link", name=re.compile("EN")).click()

    expect(page).to_have_url(re.compile(r"/en/$"))
    check(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("The creative industry of Genoa, in one place")
    expect(page.get_by_role("link", name="Food and taste industry")).to_be_visible()


def test_switching_language_keeps_the_sector_page(page: Any, visit: Any) -> None:
    visit("/en/sectors/cinema/")

    page.get_by_role("navigation", name="Language").get_by_role(
        "link", name=re.compile("IT")
    ).click()

    expect(page).to_have_url(re.compile(r"/it/sectors/cinema/$"))
    check(page)


def test_skip_link_moves_the_keyboard_to_the_content(page: Any, visit: Any) -> None:
    visit("/it/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Vai al contenuto principale")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile("#main-content$"))


def test_legal_pages_and_404_are_accessible(page: Any, visit: Any) -> None:
    visit("/it/privacy/")
    visit("/en/accessibility/")
    visit("/en/partners/")
    visit("/it/accounts/login/")
    visit("/en/no-such-page/", status=404)
    expect(page.locator("h1")).to_have_text("Page not found")


def test_small_screen_menu_opens_without_javascript(browser: Any, live_server: Any) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    nav_home = page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Network"
    )
    expect(nav_home).to_be_hidden()

    page.get_by_role("link", name="Show the menu").click()

    expect(nav_home).to_be_visible()
    context.close()

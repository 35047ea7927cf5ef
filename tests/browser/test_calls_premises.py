"""Funding calls and premises in a browser: the pages read well (axe) and the
premises map draws its pins with the directory's script."""

import re
from typing import Any

from playwright.sync_api import expect

from tests.contactpoint.factories_calls import (
    FundingCallFactory,
    PremisesFactory,
    calls_add_photo,
)


def test_calls_and_premises_pages_are_accessible_and_the_map_has_pins(
    page: Any, visit: Any
) -> None:
    call = FundingCallFactory(title_en="Digital shops")
    premises = PremisesFactory(title_en="Loft in the lanes")
    calls_add_photo(premises, caption="Sala principale")
    page.route(re.compile(r"^https://tile\.openstreetmap\.org/"), lambda route: route.abort())

    visit("/en/contact-point/calls/")
    expect(page.get_by_role("link", name="Digital shops")).to_be_visible()
    visit(f"/en/contact-point/calls/{call.slug}/")
    expect(page.get_by_role("link", name="Read the official call")).to_be_visible()
    visit("/en/contact-point/premises/")
    visit(f"/en/contact-point/premises/{premises.slug}/")
    expect(page.get_by_role("img", name="Sala principale")).to_be_visible()
    visit("/en/contact-point/premises/map/")
    container = page.locator("#directory-map")
    expect(container).to_have_attribute("data-loaded", "1")
    expect(page.locator("#results").get_by_role("link", name="Loft in the lanes")).to_be_visible()

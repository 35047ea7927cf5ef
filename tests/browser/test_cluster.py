"""The cluster figures page in a browser: charts drawn, tables open, axe clean."""

import datetime
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from directory.models import Municipality, Sector
from tests.browser.conftest import check
from tests.directory.factories import OrganisationFactory


def test_cluster_figures_are_readable_charts_with_tables(page: Any, visit: Any) -> None:
    now = timezone.now()
    places = list(Municipality.objects.order_by("order")[:13])
    for index, place in enumerate(places):
        OrganisationFactory.create(
            municipality=place,
            primary_sector=Sector.objects.order_by("order")[index % 12],
            published_at=now - datetime.timedelta(days=40 * index),
        )

    visit("/en/cluster/")

    expect(page.locator("h1")).to_have_text("Cluster figures")
    expect(page.get_by_role("img", name="Organisations by sector")).to_be_visible()
    expect(
        page.get_by_role("img", name="Published organisations, quarter by quarter")
    ).to_be_visible()
    page.get_by_text("Show the numbers as a table").first.click()
    expect(page.get_by_role("table", name="Organisations by sector")).to_be_visible()
    check(page)
    expect(page.get_by_role("link", name="CSV (spreadsheets)")).to_have_attribute(
        "href", "/directory/export.csv"
    )
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        chart = page.get_by_role("img", name="Organisations by kind")
        frame = page.get_by_role("region", name="Organisations by kind").bounding_box()
        assert frame is not None and 0 < frame["width"] <= width
        # Labels stay legible (12 px or more): on a phone the frame scrolls instead.
        drawn = chart.evaluate(
            "svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width"
            " * Math.min(...[...svg.querySelectorAll('text')]"
            ".map(t => parseFloat(getComputedStyle(t).fontSize)))"
        )
        assert drawn >= 12, drawn
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_the_header_links_to_the_figures(page: Any, visit: Any) -> None:
    visit("/it/")

    page.get_by_role("navigation", name="Navigazione principale").get_by_role(
        "link", name="Dati e indagine"
    ).click()
    page.get_by_role("main").get_by_role("link", name="Numeri del cluster").click()

    expect(page.locator("h1")).to_have_text("Numeri del cluster")
    expect(page.get_by_text("Nell'elenco non è ancora pubblicata")).to_be_visible()

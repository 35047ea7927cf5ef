"""Cluster figures: counts by sector, kind, place and time, drawn as SVG with tables."""

import datetime
import itertools
import re
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation

from creativecities import charts
from directory.exports import LICENCE
from directory.figures import cache_key, compute
from directory.models import Municipality, Organisation, Sector
from tests.directory.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_figures_count_published_organisations_only() -> None:
    design = Sector.objects.get(slug="design")
    cinema = Sector.objects.get(slug="cinema")
    centro = Municipality.objects.get(slug="municipio-i-centro-est")
    rapallo = Municipality.objects.get(slug="rapallo")
    OrganisationFactory.create(primary_sector=design, municipality=centro)
    OrganisationFactory.create(
        primary_sector=cinema,
        sectors=[design],
        municipality=rapallo,
        kind=Organisation.Kind.ASSOCIATION,
    )
    OrganisationFactory.create(primary_sector=cinema, status=Organisation.Status.PENDING)
    OrganisationFactory.create(  # lapsed: unconfirmed for 18 months
        primary_sector=cinema, confirmed_at=timezone.now() - datetime.timedelta(days=600)
    )

    with translation.override("en"):
        figures = compute()

    assert figures["total"] == 2
    assert figures["in_genoa"] == 1 and figures["elsewhere"] == 1
    sectors = {bar["label"]: bar["value"] for bar in figures["by_sector"]["bars"]}
    assert sectors["Design"] == 2
    assert sectors["Cinema"] == 1
    assert len(sectors) == 12
    kinds = {bar["label"]: bar["value"] for bar in figures["by_kind"]["bars"]}
    assert kinds["Company"] == 1
    assert kinds["Association or non-profit"] == 1
    assert kinds["Freelancer"] == 0
    places = [(bar["label"], bar["value"]) for bar in figures["by_municipality"]["bars"]]
    assert sorted(places) == [("Municipio I Centro Est", 1), ("Rapallo", 1)]
    assert figures["growth"]["dots"][-1]["value"] == 2


def test_places_beyond_the_top_ten_are_added_together() -> None:
    places = list(Municipality.objects.order_by("order")[:12])
    for index, place in enumerate(places):
        for _ in range(12 - index):
            OrganisationFactory.create(municipality=place)

    with translation.override("it"):
        figures = compute()

    bars = figures["by_municipality"]["bars"]
    assert len(bars) == 11
    assert bars[0] == {**bars[0], "label": places[0].name, "value": 12}
    assert bars[-1]["label"] == "Altri comuni"
    assert bars[-1]["value"] == 2 + 1


def test_growth_is_cumulative_by_quarter_up_to_now() -> None:
    now = timezone.now()
    OrganisationFactory.create(published_at=now - datetime.timedelta(days=400))
    OrganisationFactory.create(published_at=now - datetime.timedelta(days=200))
    OrganisationFactory.create(published_at=now)

    dots = compute()["growth"]["dots"]

    values = [dot["value"] for dot in dots]
    assert values == sorted(values)
    assert values[0] == 1 and values[-1] == 3
    assert 4 <= len(dots) <= 6


def test_bar_geometry_is_proportional_and_never_localised() -> None:
    chart = charts.bar_chart([("A", 10), ("B", 5), ("C", 0)])

    lengths = [float(bar["length"]) for bar in chart["bars"]]
    assert lengths == [charts.BAR_MAX, charts.BAR_MAX / 2, 0]
    assert all("," not in bar["y"] + bar["length"] for bar in chart["bars"])


def test_line_ticks_are_round_numbers() -> None:
    chart = charts.line_chart([("Q1", 0), ("Q2", 37), ("Q3", 180)])

    assert [tick["value"] for tick in chart["ticks"]] == [0, 50, 100, 150, 200]
    assert charts.nice_step(3) == 1
    assert charts.nice_step(1_000) == 250 or charts.nice_step(1_000) == 500


def test_line_labels_keep_apart_and_inside_the_chart() -> None:
    """Twelve months' names fit without running into each other, and the last
    one ends at its point instead of being cut by the chart's right edge."""
    months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio"]
    months += ["agosto", "settembre", "ottobre", "novembre", "dicembre"]
    chart = charts.line_chart([(f"{month} 2026", 3) for month in months])

    shown = [dot for dot in chart["dots"] if dot["show_label"]]
    assert shown[0]["label"] == "gennaio 2026" and shown[-1]["label"] == "dicembre 2026"
    assert shown[-1]["anchor"] == "end" and shown[0]["anchor"] == "middle"
    width = charts.CHAR_WIDTH * len("settembre 2026")
    for left, right in itertools.pairwise(shown):
        room = float(right["x"]) - float(left["x"])
        needed = width * (1.5 if right is shown[-1] else 1)
        assert room >= needed, (left["label"], right["label"])


def test_the_page_draws_accessible_charts_with_tables(client: Client) -> None:
    OrganisationFactory.create()

    response = client.get("/en/cluster/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert content.count('role="img"') == 4
    for chart_id in ("chart-sector", "chart-kind", "chart-place", "chart-growth"):
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in content
        assert f'<title id="{chart_id}-title">' in content
        # On a phone the chart scrolls in a frame a keyboard can reach.
        assert re.search(
            rf'class="portal-chart-frame"\s+role="region"\s+tabindex="0"\s+'
            rf'aria-labelledby="{chart_id}-title">\s+<svg class="portal-chart"',
            content,
        )
    assert content.count("<table") == 4
    assert content.count("<caption>") == 4
    assert '<th scope="col">Sector</th>' in content
    assert '<th scope="row">Design</th>' in content
    assert "style=" not in content
    assert "<script" not in content
    assert not re.search(r' (x|y|x1|y1|cx|cy|width)="[^"]*,', content)
    assert 'href="/directory/export.csv"' in content
    assert 'href="/directory/export.geojson"' in content
    assert 'href="/en/cluster/"' in content and 'aria-current="page"' in content


def test_the_page_states_the_refresh_lapse_and_licence_from_the_code(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    OrganisationFactory.create()
    monkeypatch.setattr("directory.figures.CACHE_SECONDS", 300)
    monkeypatch.setattr(Organisation, "LAPSE_AFTER", datetime.timedelta(days=365))

    content = client.get("/en/cluster/").content.decode()

    assert "updated every 5 minutes" in content
    assert "confirmed by their members in the last 12 months" in content
    assert f'<a href="{LICENCE["url"]}" rel="license">' in content
    assert f'citing "{LICENCE["attribution"]}"' in content


def test_the_growth_chart_has_its_caption_and_table(client: Client) -> None:
    OrganisationFactory.create()

    content = client.get("/en/cluster/").content.decode()

    growth = content[content.index('id="growth-heading"') :]
    assert re.search(
        r'<figcaption id="chart-growth-caption">\s*Published organisations, quarter by quarter\. '
        r"Each profile counts from the quarter it was first published\s*</figcaption>",
        growth,
    )
    assert "<caption>Published organisations, quarter by quarter</caption>" in growth
    assert '<th scope="col">Quarter</th>' in growth
    assert re.search(r'<th scope="row">Q\d \d{4}</th>\s*<td class="text-end">1</td>', growth)


def test_the_italian_page_is_in_italian(client: Client) -> None:
    OrganisationFactory.create()

    content = client.get("/it/cluster/").content.decode()

    assert "Numeri del cluster" in content
    assert '<th scope="col">Settore</th>' in content
    assert "aggiornati ogni 10 minuti" in content
    assert f'<a href="{LICENCE["url"]}deed.it" rel="license">' in content


def test_the_figures_are_cached_per_language_until_an_organisation_changes(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    OrganisationFactory.create(name="Prima")
    assert client.get("/en/cluster/").context["figures"]["total"] == 1
    assert cache.get(cache_key("en"))["total"] == 1
    assert cache.get(cache_key("it")) is None
    with monkeypatch.context() as patched:
        patched.setattr("directory.figures.compute", lambda: pytest.fail("computed again"))
        # Another address of the page: made again, its figures read from the cache.
        assert client.get("/en/cluster/?again=1").context["figures"]["total"] == 1

    OrganisationFactory.create(name="Seconda")

    assert cache.get(cache_key("en")) is None  # a new key since the change
    assert client.get("/en/cluster/").context["figures"]["total"] == 2
    assert client.get("/it/cluster/").context["figures"]["total"] == 2


def test_an_empty_cluster_says_so(client: Client) -> None:
    OrganisationFactory.create(status=Organisation.Status.PENDING)

    response = client.get("/en/cluster/")

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "No organisation is published in the directory yet" in content
    assert 'role="img"' not in content
    assert 'href="/directory/export.json"' in content

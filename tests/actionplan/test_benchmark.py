"""Benchmarking: the shared indicators, the cities' values, the public comparison."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from actionplan.benchmark_demo import INDICATORS, benchmark_demo
from actionplan.models import BenchmarkIndicator, BenchmarkValue
from actionplan.services.benchmark import benchmark_value_record
from directory.models import Partner
from tests.actionplan.factories_public import BenchmarkIndicatorFactory, BenchmarkValueFactory
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def plan_partner(name: str) -> Partner:
    return Partner.objects.get(name=name)


def test_recording_a_value_twice_corrects_it() -> None:
    indicator = BenchmarkIndicatorFactory.create()
    genoa = plan_partner("Comune di Genova")
    editor = UserFactory.create()

    benchmark_value_record(
        indicator=indicator,
        partner=genoa,
        year=2024,
        value=Decimal("6.1"),
        source="ISTAT",
        by=editor,
    )
    entry = benchmark_value_record(
        indicator=indicator,
        partner=genoa,
        year=2024,
        value=Decimal("6.4"),
        source="ISTAT, revised",
        by=editor,
    )

    assert BenchmarkValue.objects.filter(indicator=indicator, partner=genoa).count() == 1
    assert entry.value == Decimal("6.4")
    assert entry.source == "ISTAT, revised"
    assert entry.recorded_by == editor


def test_the_database_keeps_one_value_per_indicator_partner_and_year() -> None:
    first = BenchmarkValueFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        BenchmarkValueFactory.create(
            indicator=first.indicator, partner=first.partner, year=first.year
        )
    BenchmarkValueFactory.create(indicator=first.indicator, partner=first.partner, year=2023)


def test_the_page_compares_the_cities_year_by_year_with_sources(client: Client) -> None:
    indicator = BenchmarkIndicatorFactory.create(
        name_en="Workspace rent", unit_en="€ per m²", direction=BenchmarkIndicator.Direction.LOWER
    )
    genoa, pecs = plan_partner("Comune di Genova"), plan_partner("City of Pécs")
    BenchmarkValueFactory.create(
        indicator=indicator, partner=genoa, year=2023, value="9.80", source="OMI 2023"
    )
    BenchmarkValueFactory.create(
        indicator=indicator, partner=genoa, year=2024, value="10.10", source="OMI 2024"
    )
    BenchmarkValueFactory.create(
        indicator=indicator, partner=pecs, year=2024, value="6.40", source="KSH yearbook"
    )

    response = client.get("/en/action-plan/benchmark/")

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Workspace rent" in content
    assert "Lower is better" in content
    for source in ("OMI 2023", "OMI 2024", "KSH yearbook"):
        assert source in content
    assert "9.8" in content and "10.1" in content and "6.4" in content
    # A chart with one line per city, and the table beside it.
    assert content.count('class="portal-series-line') == 2
    assert '<th scope="col" class="text-end">2023</th>' in content
    # Pécs reported no value for 2023: a visible gap, named for screen readers.
    assert "no value" in content


def test_the_page_reads_the_same_number_of_queries_whatever_the_values(client: Client) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/action-plan/benchmark/").status_code == HTTPStatus.OK
        return len(captured)

    BenchmarkValueFactory.create(partner=plan_partner("City of Gdańsk"))
    few = queries()
    for slug in ("a", "b", "c"):
        indicator = BenchmarkIndicatorFactory.create(slug=slug)
        for partner in Partner.objects.all():
            for year in (2022, 2023, 2024):
                BenchmarkValueFactory.create(indicator=indicator, partner=partner, year=year)
    assert queries() == few


def test_the_demo_loads_eight_indicators_over_three_years_once() -> None:
    staff, member = UserFactory.create(), UserFactory.create()
    benchmark_demo(staff=staff, member=member)
    values = BenchmarkValue.objects.count()
    assert BenchmarkIndicator.objects.count() == len(INDICATORS) == 8
    assert values == 8 * 5 * 3
    assert "(0 new)" in benchmark_demo(staff=staff, member=member)
    assert BenchmarkValue.objects.count() == values


def test_the_page_has_an_index_of_its_indicators(client: Client) -> None:
    rent = BenchmarkIndicatorFactory.create(name_en="Workspace rent")
    jobs = BenchmarkIndicatorFactory.create(name_en="Creative jobs")

    content = client.get("/en/action-plan/benchmark/").content.decode()

    start = content.index('class="portal-page-index"')
    index = content[start : content.index("</nav>", start)]
    assert "Page index" in index
    for indicator in (rent, jobs):
        assert f'href="#{indicator.slug}">{indicator.name_en}</a>' in index
        assert f'id="{indicator.slug}"' in content

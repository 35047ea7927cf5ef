"""The plan's public pages in the page cache: they change when a version is
published (drafting changes nothing the public reads), and the benchmark when
its values do."""

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from actionplan.models import Action, PartnerMember
from actionplan.services.benchmark import benchmark_value_record
from actionplan.services.plans import plan_publish
from tests.actionplan.factories_public import BenchmarkIndicatorFactory, BenchmarkValueFactory
from tests.directory.helpers import page_kept, page_text
from tests.directory.searchable import sector

pytestmark = pytest.mark.django_db


def test_a_new_publication_shows_at_once_on_every_public_page_of_the_plan(
    client: Client,
    plan_action_a: Action,
    plan_coordinator: PartnerMember,
    django_assert_num_queries: Any,
) -> None:
    plan = plan_action_a.theme.plan
    plan.title_en = "Creative Genoa plan"
    plan.save()
    plan_action_a.title = "Shared studios"
    plan_action_a.save()
    plan_action_a.sectors.add(sector("design"))
    plan_publish(plan=plan, by=plan_coordinator.user)
    shown = {
        "/en/action-plan/": "Creative Genoa plan",
        f"/en/action-plan/{plan.slug}/": "Shared studios",
        f"/en/action-plan/{plan.slug}/print/": "Shared studios",
        "/en/sectors/design/": "Shared studios",
    }
    for path, text in shown.items():
        assert text in page_kept(client, path, django_assert_num_queries), path
    # An action's page holds its follow form's CSRF token: made for each visitor.
    shown[f"/en/action-plan/{plan.slug}/actions/{plan_action_a.pk}/"] = "Shared studios"

    plan.title_en = "Creative Genoa plan, revised"
    plan.save()
    plan_action_a.title = "Shared studios and workshops"
    plan_action_a.save()
    for path in shown:  # a draft: the public still reads the published version
        assert "revised" not in page_text(client, path), path
        assert "Shared studios and workshops" not in page_text(client, path), path
    plan_publish(plan=plan, by=plan_coordinator.user)

    for path, text in shown.items():
        assert text.replace("plan", "plan, revised").replace(
            "studios", "studios and workshops"
        ) in page_text(client, path), path


def test_a_benchmark_value_recorded_shows_at_once(
    client: Client, django_assert_num_queries: Any
) -> None:
    indicator = BenchmarkIndicatorFactory.create(name_en="Workspace rent")
    BenchmarkValueFactory.create(indicator=indicator, year=2023, value="9.80")
    assert "9.8" in page_kept(client, "/en/action-plan/benchmark/", django_assert_num_queries)

    BenchmarkValueFactory.create(indicator=indicator, year=2024, value="10.10")

    assert "10.1" in page_text(client, "/en/action-plan/benchmark/")


def test_a_benchmark_value_recorded_by_a_partner_shows_at_once(
    client: Client, django_assert_num_queries: Any
) -> None:
    indicator = BenchmarkIndicatorFactory.create(name_en="Workspace rent")
    value = BenchmarkValueFactory.create(indicator=indicator, year=2023, value="9.80")
    assert "9.8" in page_kept(client, "/en/action-plan/benchmark/", django_assert_num_queries)

    benchmark_value_record(  # a new year: inserted in bulk, which sends no signal
        indicator=indicator,
        partner=value.partner,
        year=2024,
        value=Decimal("12.30"),
        source="ISTAT",
        by=None,
    )

    assert "12.3" in page_text(client, "/en/action-plan/benchmark/")

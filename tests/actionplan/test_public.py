"""Public plan pages: only ever the frozen published version."""

import csv
import io
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan.models import Action, PartnerMember, Plan
from actionplan.services.actions import action_change_status
from actionplan.services.plans import plan_publish
from tests.actionplan.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorUpdateFactory,
    MilestoneFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db


def plan_public_url(name: str, **kwargs: object) -> str:
    return "/en" + reverse(f"actionplan:{name}", kwargs=kwargs or None)[3:]


def test_only_published_plans_are_listed(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    published_plan = plan_action_a.theme.plan
    plan_publish(plan=published_plan, by=plan_coordinator.user)
    draft = PlanFactory.create(title_en="Secret draft plan")

    content = client.get(plan_public_url("plans")).content.decode()

    assert str(published_plan.title_en) in content
    assert "Secret draft plan" not in content
    assert client.get(plan_public_url("plan", slug=draft.slug)).status_code == 404
    assert client.get(plan_public_url("export", slug=draft.slug)).status_code == 404
    assert client.get(plan_public_url("print", slug=draft.slug)).status_code == 404


def test_the_plan_page_shows_themes_actions_and_progress_bars(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    indicator = IndicatorFactory.create(
        action=plan_action_a, name="Creative start-ups", baseline=Decimal(10), target=Decimal(50)
    )
    IndicatorUpdateFactory.create(indicator=indicator, value=Decimal(30))
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user)

    response = client.get(plan_public_url("plan", slug=plan.slug))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert str(plan_action_a.theme.title_en) in content
    assert plan_action_a.title in content
    assert "Creative start-ups" in content
    # A bar half full (30 is half way from 10 to 50), and the same said in words.
    assert 'class="plan-progress-bar plan-progress-on_track" x="0" y="0" width="100"' in content
    assert "50% of the way to the target." in content


def test_an_indicator_says_its_progress_in_each_language_with_its_text_escaped(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    reached = IndicatorFactory.create(
        action=plan_action_a, name="<b>Start-ups</b>", unit="firms", baseline=Decimal(0)
    )
    IndicatorUpdateFactory.create(indicator=reached, value=Decimal("120.50"))
    IndicatorFactory.create(action=plan_action_a, name="Studios", target=None)
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user)

    english = client.get(plan_public_url("plan", slug=plan.slug)).content.decode()
    italian = client.get("/it" + plan_public_url("plan", slug=plan.slug)[3:]).content.decode()

    assert "<strong>&lt;b&gt;Start-ups&lt;/b&gt;</strong>" in english
    assert '<span class="text-muted">(<span>firms</span>)</span>' in english
    assert "100% of the way to the target. Latest value 120.5, measured on" in english
    assert "Baseline 0. Target 100 by 31 December 2027. <strong>Target reached.</strong>" in english
    assert "No target set yet. Baseline 0.</p>" in english
    assert "100% del percorso verso l'obiettivo." in italian
    assert "Ultimo valore 120,5, misurato il" in italian
    assert "Valore di partenza 0. Obiettivo 100 entro il 31 dicembre 2027." in italian


def test_edits_after_publishing_wait_for_the_next_version(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    original = plan_action_a.title
    plan_publish(plan=plan, by=plan_coordinator.user)
    plan_action_a.title = "Renamed after publishing"
    plan_action_a.save()
    added = ActionFactory.create(theme=plan_action_a.theme, title="Added after publishing")
    url = plan_public_url("plan", slug=plan.slug)

    content = client.get(url).content.decode()
    csv_text = b"".join(client.get(plan_public_url("export", slug=plan.slug))).decode()

    assert original in content and original in csv_text
    for unpublished in ("Renamed after publishing", "Added after publishing"):
        assert unpublished not in content
        assert unpublished not in csv_text
    action_url = plan_public_url("action", slug=plan.slug, action_id=added.pk)
    assert client.get(action_url).status_code == 404

    plan_publish(plan=plan, by=plan_coordinator.user)

    content = client.get(url).content.decode()
    assert "Renamed after publishing" in content and "Added after publishing" in content
    assert client.get(action_url).status_code == 200


def plan_public_with_actions(count: int, coordinator: PartnerMember) -> Plan:
    plan = PlanFactory.create()
    theme = ThemeFactory.create(plan=plan)
    for _ in range(count):
        action = ActionFactory.create(theme=theme)
        IndicatorUpdateFactory.create(indicator=IndicatorFactory.create(action=action))
    plan_publish(plan=plan, by=coordinator.user)
    return plan


def test_the_plan_page_reads_as_many_queries_for_50_actions_as_for_5(
    client: Client, plan_coordinator: PartnerMember
) -> None:
    def queries(plan: Plan) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(plan_public_url("plan", slug=plan.slug))
        assert response.status_code == HTTPStatus.OK
        assert response.content.decode().count('class="plan-action') == plan.actions_count
        return len(captured)

    few = plan_public_with_actions(5, plan_coordinator)
    many = plan_public_with_actions(50, plan_coordinator)
    few.actions_count, many.actions_count = 5, 50  # type: ignore[attr-defined]
    assert 0 < queries(few) == queries(many)


def test_the_action_page_has_its_status_timeline_and_milestones(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    MilestoneFactory.create(action=plan_action_a, title="Call for creative studios")
    action_change_status(action=plan_action_a, step="start", by=plan_coordinator.user)
    action_change_status(action=plan_action_a, step="delay", by=plan_coordinator.user)
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user)

    content = client.get(
        plan_public_url("action", slug=plan.slug, action_id=plan_action_a.pk)
    ).content.decode()

    assert "status from Not started to In progress" in content
    assert "status from In progress to Delayed" in content
    assert "Call for creative studios" in content
    assert 'action="' + plan_public_url("follow", slug=plan.slug, action_id=plan_action_a.pk)


def test_earlier_versions_stay_readable_with_what_changed(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user, note="First")
    action_change_status(action=plan_action_a, step="start", by=plan_coordinator.user)
    plan_publish(plan=plan, by=plan_coordinator.user, note="Second")

    versions = client.get(plan_public_url("versions", slug=plan.slug)).content.decode()
    first = client.get(plan_public_url("version", slug=plan.slug, number=1)).content.decode()
    changes = client.get(plan_public_url("changes", slug=plan.slug, number=2)).content.decode()

    assert "First" in versions and "Second" in versions
    assert "You are reading version 1" in first
    assert "Not started" in first
    assert "<del>Not started</del>" in changes and "<ins>In progress</ins>" in changes
    assert client.get(plan_public_url("changes", slug=plan.slug, number=1)).status_code == 404
    assert client.get(plan_public_url("version", slug=plan.slug, number=3)).status_code == 404


def test_the_print_view_is_laid_out_for_a4_without_navigation(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user)

    content = client.get(plan_public_url("print", slug=plan.slug)).content.decode()

    assert plan_action_a.title in content
    assert "plan-print" in content and "<nav" not in content and "<header" not in content
    # The print view's stylesheet names the paper and prints links as text.
    assert "plan-print" in content
    from django.contrib.staticfiles import finders

    stylesheet = open(finders.find("css/plan-print.css")).read()  # noqa: PTH123
    assert "size: A4" in stylesheet
    assert 'content: " (" attr(href) ")"' in stylesheet


def test_the_csv_export_writes_formulas_as_text(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    plan_action_a.title = '=HYPERLINK("http://evil.example","x")'
    plan_action_a.save()
    indicator = IndicatorFactory.create(action=plan_action_a, name="@SUM(A1)")
    IndicatorUpdateFactory.create(indicator=indicator, value=Decimal(40))
    plan = plan_action_a.theme.plan
    plan_publish(plan=plan, by=plan_coordinator.user)

    response = client.get(plan_public_url("export", slug=plan.slug))

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["action"] == "'" + plan_action_a.title
    assert rows[0]["indicator"] == "'@SUM(A1)"
    assert rows[0]["progress_percent"] == "40"


def test_the_sector_page_lists_the_published_actions_of_the_sector(
    client: Client, plan_coordinator: PartnerMember
) -> None:
    sector = SectorFactory.create()
    plan = PlanFactory.create()
    theme = ThemeFactory.create(plan=plan)
    ActionFactory.create(theme=theme, title="Published in the sector", sectors=[sector])
    ActionFactory.create(theme=theme, title="Elsewhere")
    plan_publish(plan=plan, by=plan_coordinator.user)
    ActionFactory.create(theme=theme, title="Drafted later in the sector", sectors=[sector])
    draft_theme = ThemeFactory.create(plan=PlanFactory.create())
    ActionFactory.create(theme=draft_theme, title="In a draft plan", sectors=[sector])

    content = client.get(f"/en/sectors/{sector.slug}/").content.decode()

    assert "Published in the sector" in content
    for absent in ("Elsewhere", "Drafted later in the sector", "In a draft plan"):
        assert absent not in content


def test_the_header_links_to_the_action_plan(client: Client) -> None:
    assert "<span>Action plan</span>" in client.get("/en/").content.decode()

"""The workspace's pages: the dashboard, the history with its differences,
the coordinator's publishing, and the demo data."""

import datetime
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from actionplan.models import Action, PartnerMember, Plan, PlanVersion
from actionplan.services.actions import action_change_status, action_update
from creativecities.models import Version
from tests.actionplan.factories import IndicatorFactory, IndicatorUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("english")
def test_the_dashboard_shows_actions_by_theme_indicators_behind_and_activity(
    client: Client, plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    IndicatorFactory.create(
        action=plan_action_a, name="Studios opened", target_date=datetime.date(2026, 2, 1)
    )
    action_change_status(action=plan_action_a, step="start", by=plan_editor_a.user)
    client.force_login(plan_editor_a.user)

    page = client.get(
        reverse("actionplan:workspace_plan", kwargs={"slug": plan_action_a.theme.plan.slug})
    ).content.decode()

    assert plan_action_a.theme.title in page and plan_action_a.title in page
    assert "Studios opened" in page  # no value recorded, its date passed: behind
    assert "In progress: <strong>1</strong>" in page
    assert "set the status of" in page  # the status change in recent activity


def test_the_action_page_names_who_recorded_each_value(
    client: Client, plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    """By name, not by an email address cut off by the table's edge on a phone."""
    user = plan_editor_a.user
    user.first_name, user.last_name = "Marco", "Ferrari"
    user.save()
    indicator = IndicatorFactory.create(action=plan_action_a, name="Studios opened")
    IndicatorUpdateFactory.create(indicator=indicator, value=Decimal(3), created_by=user)
    client.force_login(user)

    page = client.get(reverse("actionplan:workspace_action", kwargs={"pk": plan_action_a.pk}))

    assert page.status_code == HTTPStatus.OK
    content = page.content.decode()
    assert "<td>Marco Ferrari</td>" in content
    assert f"<td>{user.email}</td>" not in content


def test_every_change_is_a_version_readable_as_a_difference(
    client: Client, plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    action_update(action=plan_action_a, data={"funding_source": "ERDF"}, by=plan_editor_a.user)
    version = Version.objects.filter(object_id=plan_action_a.pk).first()
    assert version is not None and version.created_by == plan_editor_a.user
    client.force_login(plan_editor_a.user)

    page = client.get(
        reverse(
            "actionplan:workspace_history_version",
            kwargs={"kind": "action", "pk": plan_action_a.pk, "version_id": version.pk},
        )
    ).content.decode()

    assert "Interreg CENTRAL EUROPE" in page and "ERDF" in page


def test_the_coordinator_publishes_from_the_dashboard(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    client.force_login(plan_coordinator.user)

    response = client.post(
        reverse("actionplan:workspace_publish", kwargs={"slug": plan.slug}),
        {"note": "Agreed in Gdańsk"},
    )

    assert response.status_code == HTTPStatus.FOUND
    version = PlanVersion.objects.get(plan=plan)
    assert (version.number, version.note, version.published_by) == (
        1,
        "Agreed in Gdańsk",
        plan_coordinator.user,
    )
    versions = client.get(reverse("actionplan:workspace_versions", kwargs={"slug": plan.slug}))
    assert "Agreed in Gdańsk" in versions.content.decode()


def test_demo_data_loads_people_and_a_published_plan_once(
    settings: Any, tmp_path: Any, staff_user: Any
) -> None:
    settings.DATA_DIR = tmp_path
    settings.DEBUG = True
    from actionplan.demo import plan_demo

    summary = plan_demo(staff=staff_user, member=staff_user)
    plan = Plan.objects.get()
    first = Action.objects.of_plan(plan).count()
    plan_demo(staff=staff_user, member=staff_user)

    assert "published version 1" in summary
    assert (tmp_path / "demo-partner-password").read_text().strip() in summary
    assert Action.objects.of_plan(plan).count() == first >= 12
    assert PartnerMember.objects.filter(is_coordinator=True).get().partner.city_en == "Gdańsk"
    assert set(Action.objects.values_list("status", flat=True)) == set(Action.Status.values)
    latest = PlanVersion.objects.get(plan=plan)
    edited = Action.objects.get(title="Shared workshop for designers")
    frozen = next(a for t in latest.data["themes"] for a in t["actions"] if a["id"] == edited.pk)
    assert frozen["funding_source"] != edited.funding_source  # edited after publishing
    assert Decimal(80) in [
        u.value for i in Action.objects.of_plan(plan).first().indicators.all()  # type: ignore[union-attr]
        for u in i.updates.all()
    ]  # fmt: skip

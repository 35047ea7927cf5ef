"""Permissions from the wrong side: who may not see, who may not change."""

from decimal import Decimal
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from actionplan.models import Action, Indicator, IndicatorUpdate, PartnerMember, Plan
from actionplan.services.plans import plan_open_consultation
from tests.actionplan.factories import IndicatorFactory
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def plan_login(client: Client, member: PartnerMember) -> Client:
    client.force_login(member.user)
    return client


def plan_edit_data(action: Action, **changes: Any) -> dict[str, Any]:
    return {
        "theme": action.theme_id,
        "title": action.title,
        "description": action.description,
        "objectives": action.objectives,
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "budget_estimate": "1000",
        "funding_source": "",
        **changes,
    }


def test_the_lead_partners_editor_changes_the_action(
    client: Client, plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    url = reverse("actionplan:workspace_action_edit", kwargs={"pk": plan_action_a.pk})

    response = plan_login(client, plan_editor_a).post(
        url, plan_edit_data(plan_action_a, title="Open studios")
    )

    assert response.status_code == HTTPStatus.FOUND
    plan_action_a.refresh_from_db()
    assert plan_action_a.title == "Open studios"


def test_another_partners_editor_gets_403_and_changes_nothing(
    client: Client, plan_action_a: Action, plan_editor_b: PartnerMember
) -> None:
    url = reverse("actionplan:workspace_action_edit", kwargs={"pk": plan_action_a.pk})
    plan_login(client, plan_editor_b)

    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    response = client.post(url, plan_edit_data(plan_action_a, title="Hijacked"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    plan_action_a.refresh_from_db()
    assert plan_action_a.title != "Hijacked"


def test_a_viewer_cannot_edit_step_or_record_values(
    client: Client, plan_action_a: Action, plan_viewer_a: PartnerMember
) -> None:
    indicator = IndicatorFactory.create(action=plan_action_a)
    plan_login(client, plan_viewer_a)

    assert (
        client.get(
            reverse("actionplan:workspace_action", kwargs={"pk": plan_action_a.pk})
        ).status_code
        == HTTPStatus.OK
    )
    edit = client.post(
        reverse("actionplan:workspace_action_edit", kwargs={"pk": plan_action_a.pk}),
        plan_edit_data(plan_action_a, title="Viewer's"),
    )
    step = client.post(
        reverse(
            "actionplan:workspace_action_step", kwargs={"pk": plan_action_a.pk, "step": "start"}
        )
    )
    record = client.post(
        reverse("actionplan:workspace_indicator_record", kwargs={"pk": indicator.pk}),
        {
            f"indicator-{indicator.pk}-value": "5",
            f"indicator-{indicator.pk}-measured_on": "2026-05-01",
        },
    )

    assert (edit.status_code, step.status_code, record.status_code) == (403, 403, 403)
    plan_action_a.refresh_from_db()
    assert plan_action_a.status == Action.Status.NOT_STARTED
    assert not IndicatorUpdate.objects.exists()


def test_the_editor_records_an_indicator_value(
    client: Client, plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    indicator = IndicatorFactory.create(action=plan_action_a)

    response = plan_login(client, plan_editor_a).post(
        reverse("actionplan:workspace_indicator_record", kwargs={"pk": indicator.pk}),
        {
            f"indicator-{indicator.pk}-value": "12.5",
            f"indicator-{indicator.pk}-measured_on": "2026-05-01",
            f"indicator-{indicator.pk}-note": "First count",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    update = IndicatorUpdate.objects.get()
    assert (update.value, update.created_by) == (Decimal("12.5"), plan_editor_a.user)


def test_a_coordinator_edits_any_action(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    response = plan_login(client, plan_coordinator).post(
        reverse("actionplan:workspace_action_edit", kwargs={"pk": plan_action_a.pk}),
        plan_edit_data(
            plan_action_a, title="Coordinated", lead_partner=plan_action_a.lead_partner_id
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    plan_action_a.refresh_from_db()
    assert plan_action_a.title == "Coordinated"


def test_drafts_are_404_to_other_partners_viewers_and_to_people_outside(
    client: Client,
    plan_action_a: Action,
    plan_viewer_a: PartnerMember,
    plan_viewer_b: PartnerMember,
) -> None:
    url = reverse("actionplan:workspace_action", kwargs={"pk": plan_action_a.pk})

    assert plan_login(client, plan_viewer_a).get(url).status_code == HTTPStatus.OK
    assert plan_login(client, plan_viewer_b).get(url).status_code == HTTPStatus.NOT_FOUND
    client.force_login(UserFactory.create())
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == HTTPStatus.FOUND
    assert anonymous["Location"].startswith(reverse("login"))


def test_in_consultation_every_partner_user_reads_every_action(
    client: Client,
    plan_action_a: Action,
    plan_viewer_b: PartnerMember,
    plan_coordinator: PartnerMember,
) -> None:
    plan_open_consultation(plan=plan_action_a.theme.plan, by=plan_coordinator.user)

    response = plan_login(client, plan_viewer_b).get(
        reverse("actionplan:workspace_action", kwargs={"pk": plan_action_a.pk})
    )

    assert response.status_code == HTTPStatus.OK


def test_only_coordinators_manage_the_plan(
    client: Client,
    plan_draft: Plan,
    plan_editor_a: PartnerMember,
    plan_coordinator: PartnerMember,
) -> None:
    publish = reverse("actionplan:workspace_publish", kwargs={"slug": plan_draft.slug})
    edit = reverse("actionplan:workspace_plan_edit", kwargs={"slug": plan_draft.slug})

    assert plan_login(client, plan_editor_a).post(publish).status_code == HTTPStatus.FORBIDDEN
    assert client.get(edit).status_code == HTTPStatus.FORBIDDEN
    assert plan_draft.versions.count() == 0
    assert plan_login(client, plan_coordinator).post(publish).status_code == HTTPStatus.FOUND
    assert plan_draft.versions.count() == 1


def test_the_public_consultation_is_404_unless_opened_to_the_public(
    client: Client, plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    url = reverse("actionplan:consultation", kwargs={"slug": plan.slug})

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    plan_open_consultation(plan=plan, by=plan_coordinator.user)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    Plan.objects.filter(pk=plan.pk).update(public_comments_open=True)
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert plan_action_a.title in response.content.decode()


def test_indicator_of_another_partner_is_403_for_an_editor(
    client: Client, plan_action_a: Action, plan_editor_b: PartnerMember
) -> None:
    indicator: Indicator = IndicatorFactory.create(action=plan_action_a)

    response = plan_login(client, plan_editor_b).post(
        reverse("actionplan:workspace_indicator_record", kwargs={"pk": indicator.pk}),
        {
            f"indicator-{indicator.pk}-value": "5",
            f"indicator-{indicator.pk}-measured_on": "2026-05-01",
        },
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not IndicatorUpdate.objects.exists()


def test_a_public_consultation_without_actions_says_so(
    client: Client, plan_draft: Plan, plan_coordinator: PartnerMember
) -> None:
    plan_open_consultation(plan=plan_draft, by=plan_coordinator.user)
    Plan.objects.filter(pk=plan_draft.pk).update(public_comments_open=True)

    with translation.override("it"):
        url = reverse("actionplan:consultation", kwargs={"slug": plan_draft.slug})
    response = client.get(url)

    assert "La bozza non ha ancora azioni." in response.content.decode()  # Italian, the default

"""A change refused in the workspace answers the portal's 403 page, saying why."""

from http import HTTPStatus

import pytest
from django.test import Client

from actionplan.models import PartnerMember, Plan

pytestmark = pytest.mark.django_db

BRAND = "Creative Cities Genova"


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("it", "Il tuo accesso allo spazio di lavoro è in sola lettura"),
        ("en", "Your access to the workspace is read-only"),
    ],
)
def test_a_viewer_opening_an_edit_page_is_told_their_access_is_read_only(
    client: Client, plan_viewer_a: PartnerMember, plan_draft: Plan, language: str, reason: str
) -> None:
    client.force_login(plan_viewer_a.user)

    response = client.get(f"/{language}/action-plan/workspace/plans/{plan_draft.slug}/edit/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    body = response.content.decode()
    assert reason in body
    assert BRAND in body and f'<html lang="{language}">' in body


def test_an_editor_is_told_only_the_coordinator_manages_the_plan(
    client: Client, plan_editor_a: PartnerMember, plan_draft: Plan
) -> None:
    client.force_login(plan_editor_a.user)

    response = client.get(f"/en/action-plan/workspace/plans/{plan_draft.slug}/edit/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Only the coordinator of the plan can do this." in response.content.decode()

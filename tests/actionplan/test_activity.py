"""The workspace's activity log reads as sentences: who did what to which item,
values as people write them in the page's language (numbers with the unit,
long dates, choice labels), the status badges coloured by status."""

import datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from actionplan.models import Action, PartnerMember
from actionplan.services.actions import action_change_status
from actionplan.services.indicators import indicator_save, indicator_update_record
from tests.actionplan.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def marco(plan_editor_a: PartnerMember) -> PartnerMember:
    plan_editor_a.user.first_name, plan_editor_a.user.last_name = "Marco", "Ferrari"
    plan_editor_a.user.save()
    return plan_editor_a


def _dashboard(client: Client, action: Action, language: str) -> str:
    with translation.override(language):
        url = reverse("actionplan:workspace_plan", kwargs={"slug": action.theme.plan.slug})
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Marco Ferrari set the status of «Creative district» to In progress"),
        ("it", "Marco Ferrari ha impostato il campo «stato» di «Creative district» su In corso"),
    ],
)
def test_a_status_step_reads_as_a_sentence_with_the_status_label(
    client: Client, plan_action_a: Action, marco: PartnerMember, language: str, sentence: str
) -> None:
    plan_action_a.title = "Creative district"
    plan_action_a.save()
    action_change_status(action=plan_action_a, step="start", by=marco.user)
    client.force_login(marco.user)

    page = _dashboard(client, plan_action_a, language)

    assert sentence in page
    assert "Stato: Stato" not in page and "Status: Status" not in page


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "Marco Ferrari recorded 80.5 premises for «Premises reopened» "
            "(measured on 7 December 2026)",
        ),
        (
            "it",
            "Marco Ferrari ha registrato 80,5 premises per «Premises reopened» "
            "(misurato il 7 dicembre 2026)",
        ),
    ],
)
def test_a_value_recorded_reads_in_the_locale_with_its_unit_and_a_long_date(
    client: Client, plan_action_a: Action, marco: PartnerMember, language: str, sentence: str
) -> None:
    indicator = IndicatorFactory.create(
        action=plan_action_a, name="Premises reopened", unit="premises"
    )
    indicator_update_record(
        indicator=indicator,
        value=Decimal("80.50"),
        measured_on=datetime.date(2026, 12, 7),
        by=marco.user,
    )
    client.force_login(marco.user)

    page = _dashboard(client, plan_action_a, language)

    assert sentence in page
    assert "80.50 premises (2026-12-07)" not in page


def test_the_history_of_an_indicator_reads_its_figures_with_the_unit_and_dates(
    client: Client, plan_action_a: Action, marco: PartnerMember
) -> None:
    indicator = IndicatorFactory.create(action=plan_action_a, name="Premises reopened")
    indicator_save(
        indicator=indicator,
        data={
            "unit": "spazi",
            "target": Decimal("1200.00"),
            "target_date": datetime.date(2027, 3, 1),
        },
        by=marco.user,
    )
    client.force_login(marco.user)

    page = client.get(
        f"/it/action-plan/workspace/history/indicator/{indicator.pk}/"
    ).content.decode()

    assert (
        "Marco Ferrari ha impostato il campo «obiettivo» di «Premises reopened» su 1.200 spazi"
        in page
    )
    assert "1 marzo 2027" in page
    assert "1200.00" not in page and "2027-03-01" not in page


def test_status_badges_in_the_workspace_are_coloured_by_status(
    client: Client, plan_action_a: Action, marco: PartnerMember
) -> None:
    action_change_status(action=plan_action_a, step="start", by=marco.user)
    client.force_login(marco.user)

    badge = '<span class="badge plan-status plan-status-in_progress">In corso</span>'
    assert badge in _dashboard(client, plan_action_a, "it")
    page = client.get(f"/it/action-plan/workspace/actions/{plan_action_a.pk}/").content.decode()
    assert badge in page

"""The plan's public pages write figures and dates the way each language does."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from actionplan.models import Action, PartnerMember
from actionplan.services.plans import plan_publish
from tests.actionplan.factories import IndicatorFactory, IndicatorUpdateFactory
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action_with_figures(plan_action_a: Action, plan_coordinator: PartnerMember) -> Action:
    plan_action_a.budget_estimate = Decimal("40000.00")
    plan_action_a.save()
    theme = plan_action_a.theme
    theme.sectors.set(
        [SectorFactory.create(name_en="Cinema"), SectorFactory.create(name_en="Software")]
    )
    indicator = IndicatorFactory.create(
        action=plan_action_a, unit="premises", baseline=Decimal(0), target=Decimal("1500")
    )
    IndicatorUpdateFactory.create(
        indicator=indicator, value=Decimal("80.00"), measured_on=datetime.date(2026, 12, 7)
    )
    plan_publish(plan=theme.plan, by=plan_coordinator.user)
    return plan_action_a


def page(client: Client, language: str, name: str, **kwargs: object) -> str:
    with translation.override(language):
        url = reverse(f"actionplan:{name}", kwargs=kwargs)
    return client.get(url).content.decode()


def words(html: str) -> str:
    """The page's text as read: tags dropped, runs of white space as one."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_action_page_writes_money_numbers_and_dates_per_language(
    client: Client, action_with_figures: Action
) -> None:
    slug = action_with_figures.theme.plan.slug
    italian = page(client, "it", "action", slug=slug, action_id=action_with_figures.pk)
    english = page(client, "en", "action", slug=slug, action_id=action_with_figures.pk)

    assert "40.000\u00a0€" in italian
    assert "€40,000" in english
    assert "Ultimo valore 80, misurato il 7 dicembre 2026." in words(italian)
    assert "Latest value 80, measured on 7 December 2026." in words(english)
    assert "Target 1,500 by 31 December 2027." in words(english)
    assert "Dec. 7" not in english and "80.00" not in english


def test_lists_on_the_plan_page_have_no_space_before_their_commas(
    client: Client, action_with_figures: Action
) -> None:
    slug = action_with_figures.theme.plan.slug
    for printed in (False, True):
        content = page(client, "en", "print" if printed else "plan", slug=slug)
        text = words(content)
        assert "Sectors: Cinema, Software" in text
        assert " ," not in text


def test_a_recorded_value_reads_as_a_figure_with_its_unit_and_day() -> None:
    update = IndicatorUpdateFactory.create(
        indicator__name="Premises mapped",
        indicator__unit="premises",
        value=Decimal("80.00"),
        measured_on=datetime.date(2026, 12, 7),
    )

    with translation.override("it"):
        assert str(update) == "Premises mapped: 80 premises (7 dicembre 2026)"
    with translation.override("en"):
        assert str(update) == "Premises mapped: 80 premises (7 December 2026)"

"""The plan's update services: each sets the fields it names on its own row,
and no other row of the same model moves."""

import datetime
from decimal import Decimal

import pytest

from actionplan.models import Action, PartnerMember, Plan
from actionplan.services.actions import action_create, action_update, milestone_save
from actionplan.services.indicators import indicator_save
from actionplan.services.plans import plan_update, theme_save
from tests.actionplan.factories import (
    ActionFactory,
    IndicatorFactory,
    MilestoneFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.directory.factories import PartnerFactory, SectorFactory
from tests.directory.helpers import stored

pytestmark = pytest.mark.django_db


def test_an_action_update_changes_its_action_only(
    plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    other = ActionFactory.create(theme=plan_action_a.theme, sectors=[SectorFactory.create()])
    before = stored(other)
    sector, partner = SectorFactory.create(), PartnerFactory.create()

    action_update(
        action=plan_action_a,
        data={"title": "Renamed", "budget_estimate": Decimal(10)},
        partners=[partner],
        sectors=[sector],
        by=plan_coordinator.user,
    )

    plan_action_a.refresh_from_db()
    assert (plan_action_a.title, plan_action_a.budget_estimate) == ("Renamed", Decimal(10))
    assert list(plan_action_a.sectors.all()) == [sector]
    assert list(plan_action_a.partners.all()) == [partner]
    assert stored(other) == before


def test_an_action_update_refuses_the_status(
    plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    with pytest.raises(ValueError, match="status"):
        action_update(
            action=plan_action_a,
            data={"status": Action.Status.COMPLETED},
            by=plan_editor_a.user,
        )

    plan_action_a.refresh_from_db()
    assert plan_action_a.status == Action.Status.NOT_STARTED


def test_a_new_action_leaves_the_others_as_they_were(
    plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    before = stored(plan_action_a)
    sector = SectorFactory.create()

    created = action_create(
        theme=plan_action_a.theme,
        data={"title": "Added", "lead_partner": PartnerFactory.create()},
        partners=[],
        sectors=[sector],
        by=plan_editor_a.user,
    )

    created.refresh_from_db()
    assert created.title == "Added"
    assert created.lead_partner == plan_editor_a.partner  # an editor's own partner leads
    assert list(created.sectors.all()) == [sector]
    assert stored(plan_action_a) == before


def test_a_milestone_save_changes_its_milestone_only(
    plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    milestone = MilestoneFactory.create(action=plan_action_a)
    other = MilestoneFactory.create(action=plan_action_a)
    before = stored(other)

    milestone_save(
        milestone=milestone,
        data={"title": "Reached", "done_on": datetime.date(2026, 7, 1)},
        by=plan_editor_a.user,
    )

    milestone.refresh_from_db()
    assert (milestone.title, milestone.done_on) == ("Reached", datetime.date(2026, 7, 1))
    assert stored(other) == before


def test_an_indicator_save_changes_its_indicator_only(
    plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    indicator = IndicatorFactory.create(action=plan_action_a)
    other = IndicatorFactory.create(action=plan_action_a)
    before = stored(other)

    indicator_save(
        indicator=indicator, data={"name": "Renamed", "target": Decimal(7)}, by=plan_editor_a.user
    )

    indicator.refresh_from_db()
    assert (indicator.name, indicator.target) == ("Renamed", Decimal(7))
    assert stored(other) == before


def test_a_plan_update_changes_its_plan_only(
    plan_draft: Plan, plan_coordinator: PartnerMember
) -> None:
    other = PlanFactory.create()
    before = stored(other)

    plan_update(
        plan=plan_draft,
        data={"title_en": "Renamed plan", "public_comments_open": True},
        by=plan_coordinator.user,
    )

    plan_draft.refresh_from_db()
    assert plan_draft.title_en == "Renamed plan"  # type: ignore[attr-defined]
    assert plan_draft.public_comments_open is False  # opens only during a consultation
    assert stored(other) == before


def test_a_theme_save_changes_its_theme_only(
    plan_draft: Plan, plan_coordinator: PartnerMember
) -> None:
    theme = ThemeFactory.create(plan=plan_draft)
    other = ThemeFactory.create(plan=plan_draft, sectors=[SectorFactory.create()])
    before = stored(other)
    sector = SectorFactory.create()

    theme_save(
        theme=theme, data={"title_en": "Renamed theme"}, sectors=[sector], by=plan_coordinator.user
    )

    theme.refresh_from_db()
    assert theme.title_en == "Renamed theme"  # type: ignore[attr-defined]
    assert list(theme.sectors.all()) == [sector]
    assert stored(other) == before

"""Fixtures of the plan's workspace tests: two partners with an editor and a
viewer each, a coordinator of a third partner, and a draft plan whose action
is led by the first partner."""

from typing import Any

import pytest

from actionplan.models import Action, PartnerMember, PartnerRole, Plan
from directory.models import Partner
from tests.actionplan.factories import (
    ActionFactory,
    PartnerMemberFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.directory.factories import PartnerFactory


@pytest.fixture
def plan_partner_a(db: Any) -> Partner:
    return PartnerFactory.create(name="Partner A")


@pytest.fixture
def plan_partner_b(db: Any) -> Partner:
    return PartnerFactory.create(name="Partner B")


@pytest.fixture
def plan_editor_a(plan_partner_a: Partner) -> PartnerMember:
    return PartnerMemberFactory.create(partner=plan_partner_a, role=PartnerRole.EDITOR)


@pytest.fixture
def plan_viewer_a(plan_partner_a: Partner) -> PartnerMember:
    return PartnerMemberFactory.create(partner=plan_partner_a, role=PartnerRole.VIEWER)


@pytest.fixture
def plan_editor_b(plan_partner_b: Partner) -> PartnerMember:
    return PartnerMemberFactory.create(partner=plan_partner_b, role=PartnerRole.EDITOR)


@pytest.fixture
def plan_viewer_b(plan_partner_b: Partner) -> PartnerMember:
    return PartnerMemberFactory.create(partner=plan_partner_b, role=PartnerRole.VIEWER)


@pytest.fixture
def plan_coordinator(db: Any) -> PartnerMember:
    return PartnerMemberFactory.create(
        partner=PartnerFactory.create(name="Coordinating partner"),
        role=PartnerRole.EDITOR,
        is_coordinator=True,
    )


@pytest.fixture
def plan_draft(db: Any) -> Plan:
    return PlanFactory.create()


@pytest.fixture
def plan_action_a(plan_draft: Plan, plan_partner_a: Partner) -> Action:
    """An action of the draft plan led by partner A, no partner involved."""
    return ActionFactory.create(
        theme=ThemeFactory.create(plan=plan_draft), lead_partner=plan_partner_a
    )

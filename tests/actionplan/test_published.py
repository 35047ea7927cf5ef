"""Published versions: frozen, numbered, typed when read, compared."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan import published
from actionplan.models import Action, PartnerMember, Plan, PlanVersion
from actionplan.progress import State
from actionplan.services.actions import action_change_status, action_update
from actionplan.services.indicators import indicator_update_record
from actionplan.services.plans import plan_publish
from tests.actionplan.factories import (
    ActionFactory,
    IndicatorFactory,
    IndicatorUpdateFactory,
    MilestoneFactory,
)
from tests.directory.factories import PartnerFactory, SectorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("english")
def test_publishing_freezes_the_plan_as_typed_data(
    plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    sector = SectorFactory.create()
    plan_action_a.sectors.set([sector])
    plan_action_a.partners.set([PartnerFactory.create(name="Involved")])
    MilestoneFactory.create(
        action=plan_action_a, title="Kick-off", due_on=datetime.date(2026, 2, 1)
    )
    indicator = IndicatorFactory.create(
        action=plan_action_a, baseline=Decimal(0), target=Decimal(40)
    )
    IndicatorUpdateFactory.create(indicator=indicator, value=Decimal(10))

    version = plan_publish(plan=plan_action_a.theme.plan, by=plan_coordinator.user, note="First")
    read = published.read(version)

    assert version.number == 1 and read.number == 1 and read.note == "First"
    assert [a.title for a in read.actions] == [plan_action_a.title]
    action = read.action(plan_action_a.pk)
    assert action is not None
    assert action.lead_partner.name == "Partner A"
    assert [p.name for p in action.partners] == ["Involved"]
    assert [s.slug for s in action.sectors] == [sector.slug]
    assert action.budget_estimate == Decimal("25000.00")
    assert action.milestones[0].title == "Kick-off"
    assert action.milestones[0].due_on == datetime.date(2026, 2, 1)
    assert action.indicators[0].latest is not None
    assert action.indicators[0].latest.value == Decimal(10)
    assert action.indicators[0].progress.percent == 25
    assert str(action.status_label) == "Not started"
    plan = Plan.objects.get(pk=plan_action_a.theme.plan_id)
    assert plan.status == Plan.Status.PUBLISHED and plan.version == 1


def test_edits_after_publishing_change_nothing_public_until_republished(
    plan_action_a: Action, plan_coordinator: PartnerMember, plan_editor_a: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    original = plan_action_a.title
    plan_publish(plan=plan, by=plan_coordinator.user)

    action_update(action=plan_action_a, data={"title": "Renamed"}, by=plan_editor_a.user)

    first = published.latest(plan)
    assert first is not None and [a.title for a in first.actions] == [original]
    plan_publish(plan=plan, by=plan_coordinator.user)
    second = published.latest(plan)
    assert second is not None and second.number == 2
    assert [a.title for a in second.actions] == ["Renamed"]
    earlier = published.version(plan, 1)
    assert earlier is not None and earlier.actions[0].title != "Renamed"
    assert list(PlanVersion.objects.filter(plan=plan).values_list("number", flat=True)) == [2, 1]


@pytest.mark.usefixtures("english")
def test_the_timeline_holds_every_status_change_up_to_publication(
    plan_action_a: Action, plan_coordinator: PartnerMember, plan_editor_a: PartnerMember
) -> None:
    action_change_status(action=plan_action_a, step="start", by=plan_editor_a.user)
    action_change_status(action=plan_action_a, step="delay", by=plan_editor_a.user)

    read = published.read(plan_publish(plan=plan_action_a.theme.plan, by=plan_coordinator.user))

    action = read.actions[0]
    assert action.status == Action.Status.DELAYED
    assert [(e.source, e.target) for e in action.timeline] == [
        ("not_started", "in_progress"),
        ("in_progress", "delayed"),
    ]
    assert str(action.timeline[0].target_label) == "In progress"


def test_differences_name_added_removed_and_changed_actions_and_values(
    plan_action_a: Action, plan_coordinator: PartnerMember, plan_editor_a: PartnerMember
) -> None:
    plan = plan_action_a.theme.plan
    indicator = IndicatorFactory.create(action=plan_action_a)
    IndicatorUpdateFactory.create(indicator=indicator, value=Decimal(10))
    doomed = ActionFactory.create(theme=plan_action_a.theme, title="Dropped")
    plan_publish(plan=plan, by=plan_coordinator.user)
    action_update(action=plan_action_a, data={"funding_source": "ERDF"}, by=plan_editor_a.user)
    indicator_update_record(
        indicator=indicator,
        value=Decimal(30),
        measured_on=datetime.date(2026, 9, 30),
        by=plan_editor_a.user,
    )
    doomed.delete()
    ActionFactory.create(theme=plan_action_a.theme, title="New one")
    plan_publish(plan=plan, by=plan_coordinator.user)
    older, newer = published.version(plan, 1), published.version(plan, 2)
    assert older is not None and newer is not None

    diff = published.differences(older, newer)

    assert [a.title for a in diff.added] == ["New one"]
    assert [a.title for a in diff.removed] == ["Dropped"]
    [changed] = diff.changed
    assert changed.action.id == plan_action_a.pk
    assert [(f.name, f.before, f.after) for f in changed.fields] == [
        ("funding_source", "Interreg CENTRAL EUROPE", "ERDF")
    ]
    assert [(i.before, i.after) for i in changed.indicators] == [(Decimal(10), Decimal(30))]
    assert published.differences(newer, newer).is_empty


def test_progress_in_a_version_is_as_of_its_publication(
    plan_action_a: Action, plan_coordinator: PartnerMember
) -> None:
    """An indicator with no update whose time has mostly passed is behind."""
    IndicatorFactory.create(
        action=plan_action_a, target_date=datetime.date(2026, 1, 10), baseline=Decimal(0)
    )
    read = published.read(plan_publish(plan=plan_action_a.theme.plan, by=plan_coordinator.user))

    assert read.actions[0].indicators[0].progress.state == State.BEHIND


def test_freezing_takes_a_fixed_number_of_queries(plan_action_a: Action) -> None:
    IndicatorUpdateFactory.create(indicator=IndicatorFactory.create(action=plan_action_a))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            published.freeze(plan_action_a.theme.plan)
        return len(queries)

    few = count()
    for _ in range(5):
        action = ActionFactory.create(theme=plan_action_a.theme, partners=[PartnerFactory.create()])
        IndicatorUpdateFactory.create(indicator=IndicatorFactory.create(action=action))
        MilestoneFactory.create(action=action)

    assert count() == few

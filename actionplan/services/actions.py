"""Writes on actions and their milestones, and the action's status workflow.

not_started ─start→ in_progress ─complete→ completed ─reopen→ in_progress
     │                │    ↑
     └─────delay──────┴→ delayed ─start / complete→

Each step is a `StateChange` (the action page's timeline, frozen into every
published version) and a version in the action's history.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from actionplan.models import ACTION_FORM_FIELDS, MILESTONE_FIELDS, Action, Milestone, Theme
from actionplan.permissions import action_workflow_allowed, can_edit_action, member_of
from creativecities import history
from creativecities.updates import model_update
from creativecities.workflow import Transition, Workflow
from directory.models import Partner, Sector, User

Status = Action.Status

ACTION_WORKFLOW: Workflow[Action] = Workflow(
    model=Action,
    transitions=[
        Transition(
            name="start",
            source=frozenset({Status.NOT_STARTED, Status.DELAYED}),
            target=Status.IN_PROGRESS,
            allowed=action_workflow_allowed,
            label=_("Mark in progress"),
            done=_("The action is in progress."),
            refused=_("%(object)s is %(status)s: it cannot be marked in progress."),
        ),
        Transition(
            name="delay",
            source=frozenset({Status.NOT_STARTED, Status.IN_PROGRESS}),
            target=Status.DELAYED,
            allowed=action_workflow_allowed,
            label=_("Mark delayed"),
            done=_("The action is marked delayed."),
            refused=_("%(object)s is %(status)s: it cannot be marked delayed."),
        ),
        Transition(
            name="complete",
            source=frozenset({Status.IN_PROGRESS, Status.DELAYED}),
            target=Status.COMPLETED,
            allowed=action_workflow_allowed,
            label=_("Mark completed"),
            done=_("The action is completed."),
            refused=_("%(object)s is %(status)s: it cannot be completed."),
        ),
        Transition(
            name="reopen",
            source=frozenset({Status.COMPLETED}),
            target=Status.IN_PROGRESS,
            allowed=action_workflow_allowed,
            label=_("Reopen"),
            done=_("The action is in progress again."),
            refused=_("%(object)s is %(status)s: only a completed action reopens."),
        ),
    ],
)


def _require_edit(action: Action, by: User) -> None:
    if not can_edit_action(by, action):
        raise PermissionDenied(f"{by} may not change {action}.")


@transaction.atomic
def action_change_status(*, action: Action, step: str, by: User, note: str = "") -> Action:
    """Move the action along its workflow (raises PermissionDenied, TransitionError)."""
    with history.changes(by=by, note=gettext_noop("Status: %(fields)s")):
        return ACTION_WORKFLOW.apply(action, step, by=by, note=note)


@transaction.atomic
def action_create(
    *,
    theme: Theme,
    data: dict[str, Any],
    partners: list[Partner],
    sectors: list[Sector],
    by: User,
) -> Action:
    """A new action. Coordinators choose its lead partner; an editor's new action
    is led by the editor's own partner, whatever the data says."""
    member = member_of(by)
    if member is None or not (member.is_coordinator or member.is_editor):
        raise PermissionDenied("Only coordinators and editors add actions.")
    data = {**data, "theme": theme, "partners": partners, "sectors": sectors}
    if not member.is_coordinator:
        data["lead_partner"] = member.partner
    with history.changes(by=by):
        return model_update(Action(), data, fields=ACTION_FORM_FIELDS)


@transaction.atomic
def action_update(
    *,
    action: Action,
    data: dict[str, Any],
    partners: list[Partner] | None = None,
    sectors: list[Sector] | None = None,
    by: User,
) -> Action:
    """Change an action's content (never its status: see the workflow). Only a
    coordinator hands the lead to another partner: an editor who did would lose
    the action."""
    _require_edit(action, by)
    member = member_of(by)
    lead = data.get("lead_partner")
    if lead is not None and lead != action.lead_partner and not (member and member.is_coordinator):
        raise PermissionDenied("Only a coordinator changes an action's lead partner.")
    relations = {"partners": partners, "sectors": sectors}
    data = {**data, **{name: rows for name, rows in relations.items() if rows is not None}}
    with history.changes(by=by):
        # The status is not among the fields: it moves through ACTION_WORKFLOW.
        return model_update(action, data, fields=ACTION_FORM_FIELDS)


@transaction.atomic
def milestone_save(*, milestone: Milestone, data: dict[str, Any], by: User) -> Milestone:
    """Add or change a milestone of an action the person may edit."""
    _require_edit(milestone.action, by)
    with history.changes(by=by):
        return model_update(milestone, data, fields=MILESTONE_FIELDS)


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by: User) -> None:
    _require_edit(milestone.action, by)
    milestone.delete()

"""The plan's workflow, declared once, and the coordinator's writes.

draft ─open_consultation→ consultation ─publish→ published ─open_consultation→ …
  │                           │                     │
  └──────────publish──────────┘←close_consultation─┘ (back to draft)
                                                    └─publish again (a new version)

Publishing freezes the plan as it is into a new `PlanVersion`; the public
reads the last one until the next is published. The status says where the
drafting stands and does not hide what was published.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from actionplan import published
from actionplan.models import PLAN_FIELDS, THEME_FIELDS, Plan, PlanVersion, Theme
from actionplan.permissions import can_manage_plan, plan_workflow_allowed
from actionplan.services.following import notify_followers_of_publication
from creativecities import history
from creativecities.updates import model_update
from creativecities.workflow import Transition, Workflow
from directory.models import Sector, User

Status = Plan.Status


def _publish(plan: Plan, *, by: User | None, version_note: str = "") -> list[str]:
    """Freeze the plan into its next version (under the plan's row lock, so two
    publications at once get two numbers)."""
    plan.version += 1
    version = PlanVersion.objects.create(
        plan=plan,
        number=plan.version,
        data=published.freeze(plan),
        note=version_note,
        published_at=timezone.now(),
        published_by=by,
    )
    # What the portal's search and the home page read of the plan follows.
    published.index_version(version)
    return ["version"]


def _closed_to_public(plan: Plan, *, by: User | None) -> list[str]:
    plan.public_comments_open = False
    return ["public_comments_open"]


PLAN_WORKFLOW: Workflow[Plan] = Workflow(
    model=Plan,
    transitions=[
        Transition(
            name="open_consultation",
            source=frozenset({Status.DRAFT, Status.PUBLISHED}),
            target=Status.CONSULTATION,
            allowed=plan_workflow_allowed,
            label=_("Open a consultation"),
            done=_("The consultation is open: partners can comment."),
            refused=_("%(object)s is %(status)s: a consultation cannot open now."),
        ),
        Transition(
            name="close_consultation",
            source=frozenset({Status.CONSULTATION}),
            target=Status.DRAFT,
            allowed=plan_workflow_allowed,
            label=_("Close the consultation"),
            done=_("The consultation is closed; the plan is a draft again."),
            refused=_("%(object)s is %(status)s: there is no consultation to close."),
            effect=_closed_to_public,
        ),
        Transition(
            name="publish",
            source=frozenset({Status.DRAFT, Status.CONSULTATION, Status.PUBLISHED}),
            target=Status.PUBLISHED,
            allowed=plan_workflow_allowed,
            label=_("Publish a new version"),
            done=_("A new version is published."),
            refused=_("%(object)s is %(status)s: it cannot be published now."),
            effect=lambda plan, *, by, version_note="": [
                *_publish(plan, by=by, version_note=version_note),
                *_closed_to_public(plan, by=by),
            ],
        ),
    ],
)


def plan_open_consultation(*, plan: Plan, by: User | None) -> Plan:
    return PLAN_WORKFLOW.apply(plan, "open_consultation", by=by)


def plan_close_consultation(*, plan: Plan, by: User | None) -> Plan:
    return PLAN_WORKFLOW.apply(plan, "close_consultation", by=by)


def plan_publish(*, plan: Plan, by: User | None, note: str = "") -> PlanVersion:
    """Publish the plan as it is now: a new frozen version, numbered after the last."""
    PLAN_WORKFLOW.apply(plan, "publish", by=by, note=note, version_note=note)
    version = PlanVersion.objects.get(plan=plan, number=plan.version)
    transaction.on_commit(partial(notify_followers_of_publication, version), robust=True)
    return version


@transaction.atomic
def plan_update(*, plan: Plan, data: dict[str, Any], by: User) -> Plan:
    """The coordinator changes the plan's own fields (titles, period, the public
    comments switch, which only opens during a consultation)."""
    _require_coordinator(by)
    if plan.status != Status.CONSULTATION:
        data = {**data, "public_comments_open": False}
    with history.changes(by=by):
        return model_update(plan, data, fields=PLAN_FIELDS)


@transaction.atomic
def theme_save(
    *, theme: Theme, data: dict[str, Any], sectors: list[Sector] | None, by: User
) -> Theme:
    """Create or change a theme (coordinators only); one change in its history."""
    _require_coordinator(by)
    if sectors is not None:
        data = {**data, "sectors": sectors}
    with history.changes(by=by, created_note=gettext_noop("Created")):
        return model_update(theme, data, fields=THEME_FIELDS)


def _require_coordinator(user: User) -> None:
    if not can_manage_plan(user):
        raise PermissionDenied("Only a coordinator manages the plan.")

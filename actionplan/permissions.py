"""Who may do what in the plan's workspace, in one place.

- The workspace is for partner users (`PartnerMember`, active account).
  Anyone else logged in gets a 404, anonymous visitors the login page.
- Coordinators see and edit everything, manage themes and the plan, open
  consultations, moderate public comments and publish.
- Editors change the actions their partner leads, with their milestones and
  indicators, and record indicator updates; any other action answers 403.
- Viewers read and comment; every change answers 403.
- While the plan is a draft, an action is seen by coordinators, by editors of
  every partner (they write the plan together) and by viewers of the partners
  the action concerns (lead or involved); other partners' viewers get a 404.
  From the consultation on, every partner user sees every action.

The public never reads these rows: it reads published versions
(`actionplan.published`), so a draft cannot reach a public page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser

from actionplan.models import Action, Indicator, PartnerMember, PartnerRole, Plan
from directory.models import Partner, User

Person = User | AnonymousUser | None


def member_of(user: Person) -> PartnerMember | None:
    """The person's place in a partner's team, read once per request object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    cached: Any = getattr(user, "_plan_member_cache", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    member = PartnerMember.objects.select_related("partner").filter(user=user).first()
    setattr(user, "_plan_member_cache", member)  # noqa: B010
    return member


def is_coordinator(user: Person) -> bool:
    member = member_of(user)
    return member is not None and member.is_coordinator


def can_manage_plan(user: Person, plan: Plan | None = None) -> bool:
    """Themes, the plan's own fields, consultation, moderation, publishing."""
    return is_coordinator(user)


def _concerns(action: Action, partner_id: int) -> bool:
    if action.lead_partner_id == partner_id:
        return True
    return any(p.pk == partner_id for p in action.partners.all())


def can_see_action(user: Person, action: Action) -> bool:
    member = member_of(user)
    if member is None:
        return False
    if member.is_coordinator or member.role == PartnerRole.EDITOR:
        return True
    if action.theme.plan.status != Plan.Status.DRAFT:
        return True
    return _concerns(action, member.partner_id)


def can_edit_action(user: Person, action: Action) -> bool:
    member = member_of(user)
    if member is None:
        return False
    if member.is_coordinator:
        return True
    return member.role == PartnerRole.EDITOR and action.lead_partner_id == member.partner_id


def can_create_action(user: Person) -> bool:
    """Coordinators and editors; an editor's new action is led by their partner."""
    member = member_of(user)
    return member is not None and (member.is_coordinator or member.role == PartnerRole.EDITOR)


def can_record_indicator(user: Person, indicator: Indicator) -> bool:
    return can_edit_action(user, indicator.action)


def can_comment(user: Person, action: Action) -> bool:
    return can_see_action(user, action)


def action_workflow_allowed(user: User | None, action: Action) -> bool:
    """Who may move an action's status: whoever may edit it."""
    return can_edit_action(user, action)


COORDINATE_PERMISSION = "actionplan.coordinate_plan"


def plan_workflow_allowed(user: User | None, plan: Plan | None) -> bool:
    """Coordinators in the workspace; staff holding `coordinate_plan` in the admin."""
    if user is not None and user.is_active and user.has_perm(COORDINATE_PERMISSION):
        return True
    return can_manage_plan(user, plan)


# The admin offers the plan's steps to staff holding the permission.
plan_workflow_allowed.permission = COORDINATE_PERMISSION  # type: ignore[attr-defined]


def can_report_benchmark(user: Person, partner: Partner) -> bool:
    """An editor records benchmark values for their own partner's city only."""
    member = member_of(user)
    return (
        member is not None and member.role == PartnerRole.EDITOR and member.partner_id == partner.pk
    )

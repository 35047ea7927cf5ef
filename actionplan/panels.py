"""The plan's contributions to a sector's page (its published actions there),
to the home page (the latest actions) and to the header (the workspace)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext

from actionplan import permissions, published
from actionplan.models import (
    WORKING_LANGUAGE,
    PartnerRole,
    Plan,
    PlanVersion,
    PublishedActionEntry,
)
from creativecities.panels.workplaces import Workplace
from directory.models import Sector, User


def latest_versions() -> list[PlanVersion]:
    """The version the public reads of every published plan, in one query."""
    return list(
        PlanVersion.objects.filter(plan__in=Plan.objects.public())
        .select_related("plan")
        .order_by("plan_id", "-number")
        .distinct("plan_id")
    )


def plan_sector_panel(request: HttpRequest, sector: Sector) -> tuple[str, dict[str, Any]] | None:
    """Published actions that name the sector, or sit in a theme that does."""
    entries = []
    for version in latest_versions():
        plan = published.read(version)
        for theme in plan.themes:
            in_theme = any(s.slug == sector.slug for s in theme.sectors)
            for action in theme.actions:
                if in_theme or any(s.slug == sector.slug for s in action.sectors):
                    entries.append((version.plan.slug, plan, action))
    if not entries:
        return None
    return "actionplan/sector_panel.html", {"plan_actions": entries}


HOME_ACTIONS = 3


def home_actions_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The actions of the last published versions, the newest first: one query
    on their search entries, never on the plan's rows."""
    entries = list(PublishedActionEntry.objects.newest().defer("search_vector")[:HOME_ACTIONS])
    if not entries:
        return None
    return "actionplan/home/actions.html", {"entries": entries, "language": WORKING_LANGUAGE}


def plan_workplace(user: User) -> Workplace | None:
    """The workspace of a partner city's team member: the login lands there,
    the header links it, the account page names the partner and the role."""
    member = permissions.member_of(user)
    if member is None:
        return None
    if member.is_coordinator:
        role = gettext("Coordinator of the plan")
    elif member.role == PartnerRole.VIEWER:
        role = gettext("Viewer (read only)")
    else:
        role = gettext("Editor")
    return Workplace(
        label=gettext("Plan workspace"),
        url=reverse("actionplan:workspace"),
        belongs_to=member.partner.name,
        role=role,
    )

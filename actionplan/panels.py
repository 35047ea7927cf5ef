"""The plan's contribution to a sector's page: its published actions there."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from actionplan import published
from actionplan.models import Plan, PlanVersion
from directory.models import Sector


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

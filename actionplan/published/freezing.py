"""Freezing a plan's rows into the JSON of a new version."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from actionplan.models import Action, Plan
from actionplan.published.reading import SCHEMA
from creativecities.models import StateChange
from directory.models import Partner, Sector


def _languages(obj: Any, name: str) -> dict[str, str]:
    return {code: getattr(obj, f"{name}_{code}") or "" for code, _label in settings.LANGUAGES}


def _partner_data(partner: Partner) -> dict[str, Any]:
    return {"id": partner.pk, "name": partner.name, "city": _languages(partner, "city")}


def _sector_data(sector: Sector) -> dict[str, Any]:
    return {"slug": sector.slug, "name": _languages(sector, "name")}


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _text(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def freeze(plan: Plan) -> dict[str, Any]:
    """The plan as it is now, as the JSON a `PlanVersion` keeps.

    A fixed number of queries whatever the plan's size: themes, actions with
    everything they hold, and the status changes of all actions at once.
    """
    themes = list(plan.themes.prefetch_related("sectors").order_by("order", "pk"))
    actions = list(Action.objects.filter(theme__plan=plan).for_snapshot())
    timeline: dict[int, list[dict[str, Any]]] = {}
    steps = StateChange.objects.filter(
        content_type=ContentType.objects.get_for_model(Action),
        object_id__in=[a.pk for a in actions],
    ).order_by("created_at", "pk")
    for step in steps:
        timeline.setdefault(step.object_id, []).append(
            {"at": step.created_at.isoformat(), "source": step.source, "target": step.target}
        )
    by_theme: dict[int, list[dict[str, Any]]] = {theme.pk: [] for theme in themes}
    for action in actions:
        by_theme[action.theme_id].append(
            {
                "id": action.pk,
                "title": action.title,
                "description": action.description,
                "objectives": action.objectives,
                "lead_partner": _partner_data(action.lead_partner),
                "partners": [
                    _partner_data(p)
                    for p in sorted(action.partners.all(), key=lambda p: (p.order, p.pk))
                    if p.pk != action.lead_partner_id
                ],
                "starts_on": _iso(action.starts_on),
                "ends_on": _iso(action.ends_on),
                "budget_estimate": _text(action.budget_estimate),
                "funding_source": action.funding_source,
                "status": action.status,
                "sectors": [
                    _sector_data(s)
                    for s in sorted(action.sectors.all(), key=lambda s: (s.order, s.slug))
                ],
                "milestones": [
                    {"title": m.title, "due_on": _iso(m.due_on), "done_on": _iso(m.done_on)}
                    for m in action.milestones.all()
                ],
                "indicators": [
                    {
                        "id": i.pk,
                        "name": i.name,
                        "unit": i.unit,
                        "baseline": str(i.baseline),
                        "target": _text(i.target),
                        "target_date": _iso(i.target_date),
                        "updates": [
                            {
                                "value": str(u.value),
                                "measured_on": _iso(u.measured_on),
                                "note": u.note,
                            }
                            for u in i.updates.all()
                        ],
                    }
                    for i in action.indicators.all()
                ],
                "timeline": timeline.get(action.pk, []),
            }
        )
    return {
        "schema": SCHEMA,
        "plan": {
            "id": plan.pk,
            "slug": plan.slug,
            "title": _languages(plan, "title"),
            "summary": _languages(plan, "summary"),
            "starts_on": _iso(plan.starts_on),
            "ends_on": _iso(plan.ends_on),
        },
        "themes": [
            {
                "id": theme.pk,
                "title": _languages(theme, "title"),
                "description": _languages(theme, "description"),
                "order": theme.order,
                "sectors": [_sector_data(s) for s in theme.sectors.all()],
                "actions": by_theme[theme.pk],
            }
            for theme in themes
        ],
    }

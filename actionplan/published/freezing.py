"""Freezing a plan's rows into the JSON of a new version."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from actionplan.models import Action, Plan
from actionplan.published.reading import SCHEMA
from actionplan.published.values import ACTION_KINDS, decimal_text, iso, languages, sector_data
from creativecities.models import StateChange


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
                **{name: kind.freeze(action, name) for name, kind in ACTION_KINDS.items()},
                "milestones": [
                    {"title": m.title, "due_on": iso(m.due_on), "done_on": iso(m.done_on)}
                    for m in action.milestones.all()
                ],
                "indicators": [
                    {
                        "id": i.pk,
                        "name": i.name,
                        "unit": i.unit,
                        "baseline": str(i.baseline),
                        "target": decimal_text(i.target),
                        "target_date": iso(i.target_date),
                        "updates": [
                            {
                                "value": str(u.value),
                                "measured_on": iso(u.measured_on),
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
            "title": languages(plan, "title"),
            "summary": languages(plan, "summary"),
            "starts_on": iso(plan.starts_on),
            "ends_on": iso(plan.ends_on),
        },
        "themes": [
            {
                "id": theme.pk,
                "title": languages(theme, "title"),
                "description": languages(theme, "description"),
                "order": theme.order,
                "sectors": [sector_data(s) for s in theme.sectors.all()],
                "actions": by_theme[theme.pk],
            }
            for theme in themes
        ],
    }

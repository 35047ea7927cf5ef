"""The history of the plan's content in the workspace, read through the portal's
one history mechanism: versions with what each changed, and any version shown
next to the one before it and next to the present."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from actionplan.models import Action, Indicator, Milestone, Plan, Theme
from actionplan.views.access import action_or_404, workspace
from creativecities import history
from creativecities.models import Version

KINDS: dict[str, type[models.Model]] = {
    "plan": Plan,
    "theme": Theme,
    "action": Action,
    "indicator": Indicator,
    "milestone": Milestone,
}


def _object(request: HttpRequest, kind: str, pk: int) -> models.Model:
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    obj: Any = get_object_or_404(model, pk=pk)
    if isinstance(obj, Action):
        action_or_404(request, obj.pk)
    elif isinstance(obj, Indicator | Milestone):
        action_or_404(request, obj.action_id)
    return obj  # type: ignore[no-any-return]


def author(version: Version) -> str:
    """Who made a version, by name (the address when the account has none)."""
    return version.created_by.get_full_name() if version.created_by else ""


def units(obj: models.Model) -> dict[str, str]:
    """An indicator's figures are read with its unit."""
    if isinstance(obj, Indicator) and obj.unit:
        return {"baseline": obj.unit, "target": obj.unit}
    return {}


@workspace
def object_history(
    request: HttpRequest, kind: str, pk: int, version_id: int | None = None
) -> HttpResponse:
    obj = _object(request, kind, pk)
    tracking = history.tracking_for(type(obj))
    versions = list(history.versions_of(obj))
    rows = history.with_changes(tracking, versions)
    for position, row in enumerate(rows):
        older = versions[position + 1].data if position + 1 < len(versions) else None
        row["sentences"] = history.sentences(
            tracking,
            who=author(row["version"]),
            subject=str(obj),
            before=older,
            after=row["version"].data,
            suffixes=units(obj),
        )
    context: dict[str, Any] = {"object": obj, "kind": kind, "rows": rows}
    if version_id is not None:
        index = next((i for i, v in enumerate(versions) if v.pk == version_id), None)
        if index is None:
            raise Http404
        version = versions[index]
        older = versions[index + 1] if index + 1 < len(versions) else None
        before, after = history.display(tracking, [older.data if older else {}, version.data])
        now = history.comparison(version, obj)
        context.update(
            version=version,
            older=older,
            difference=[
                {
                    "label": history.field_label(tracking, name),
                    "before": before[name],
                    "after": after[name],
                    "differs": (older.data.get(name) if older else None) != version.data.get(name),
                    "now": current["now"],
                }
                for name, current in zip(tracking.fields, now, strict=True)
            ],
        )
    return render(request, "actionplan/workspace/history.html", context)

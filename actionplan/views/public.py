"""Public pages of the plan, read ONLY from published versions.

Every page here finds the plan among those with a published version
(`Plan.objects.public()`) and renders the frozen copy `actionplan.published`
reads back; no page reads the plan's rows, so a draft plan, and anything edited
since the last publication, never reaches the public. A plan page costs the
same few queries whatever the number of its actions: the version is one row.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterator
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from actionplan import published
from actionplan.forms import FollowForm
from actionplan.models import Plan, PlanVersion
from directory.exports import csv_safe, csv_text


def public_plan_or_404(slug: str) -> Plan:
    plan: Plan = get_object_or_404(Plan.objects.public(), slug=slug)
    return plan


@functools.lru_cache(maxsize=32)
def read_version(pk: int) -> published.PublishedPlan:
    """A published version read once per process: its content never changes
    (a new publication is a new version), so the JSON is fetched and decoded
    the first time a process shows it, not on every request."""
    return published.read(PlanVersion.objects.get(pk=pk))


def version_or_404(plan: Plan, number: int | None = None) -> PlanVersion:
    """The version asked for, or the one the public reads now (the last);
    without its content, which `read_version` fetches when it needs it."""
    versions = PlanVersion.objects.filter(plan=plan).defer("data")
    found = (
        versions.order_by("-number").first()
        if number is None
        else versions.filter(number=number).first()
    )
    if found is None:
        raise Http404
    return found


@require_safe
def plan_list(request: HttpRequest) -> HttpResponse:
    """Every plan with a published version, as its last version names it."""
    latest = {
        version.plan_id: version
        for version in PlanVersion.objects.filter(plan__in=Plan.objects.public())
        .select_related("plan")
        .order_by("plan_id", "-number")
        .distinct("plan_id")
    }
    plans = [
        (published.read(version), version)
        for version in sorted(latest.values(), key=lambda v: v.published_at, reverse=True)
    ]
    return render(request, "actionplan/plan_list.html", {"plans": plans})


def _plan_context(slug: str, number: int | None) -> dict[str, Any]:
    plan = public_plan_or_404(slug)
    version = version_or_404(plan, number)
    last_number = plan.version
    return {
        "plan": read_version(version.pk),
        "version_id": version.pk,
        "slug": slug,
        "is_latest": version.number == last_number,
        "last_number": last_number,
    }


@require_safe
def plan_detail(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    """The plan's themes, actions and indicator progress, as published."""
    return render(request, "actionplan/plan_detail.html", _plan_context(slug, number))


@require_safe
def plan_print(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    """The same content laid out for A4 paper: no navigation, links as text."""
    return render(request, "actionplan/plan_print.html", _plan_context(slug, number))


@require_safe
def plan_versions(request: HttpRequest, slug: str) -> HttpResponse:
    """Every published version, newest first, each with a link to its changes."""
    plan = public_plan_or_404(slug)
    versions = list(
        PlanVersion.objects.filter(plan=plan)
        .order_by("-number")
        .defer("data")  # the list shows numbers and dates; the newest is read once, cached
    )
    current = read_version(versions[0].pk)
    return render(
        request,
        "actionplan/plan_versions.html",
        {"plan": current, "slug": slug, "versions": versions},
    )


@require_safe
def plan_changes(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """What changed from the version before `number` to `number`."""
    plan = public_plan_or_404(slug)
    newer = version_or_404(plan, number)
    older = PlanVersion.objects.filter(plan=plan, number__lt=number).order_by("-number").first()
    if older is None:
        raise Http404
    difference = published.differences(published.read(older), published.read(newer))
    return render(
        request,
        "actionplan/plan_changes.html",
        {"difference": difference, "plan": difference.newer, "slug": slug},
    )


@require_safe
def action_detail(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    """One action as last published: its status timeline, milestones, indicators."""
    context = _plan_context(slug, None)
    action = context["plan"].action(action_id)
    if action is None:
        raise Http404
    context.update(
        action=action,
        theme=next(t for t in context["plan"].themes if any(a.id == action_id for a in t.actions)),
        follow_form=FollowForm(),
    )
    return render(request, "actionplan/action_detail.html", context)


# The action's own columns come from its declared fields (`ACTION_FIELDS`).
CSV_COLUMNS = (
    "plan",
    "version",
    "theme",
    "action_id",
    *(heading for heading, _name in published.ACTION_COLUMNS),
    "indicator",
    "unit",
    "baseline",
    "target",
    "target_date",
    "latest_value",
    "measured_on",
    "progress_percent",
)


def export_rows(plan: published.PublishedPlan) -> Iterator[list[Any]]:
    """One row per indicator of each action; an action without one gets a row alone."""
    for theme in plan.themes:
        for action in theme.actions:
            common = [
                str(plan.title),
                plan.number,
                str(theme.title),
                action.id,
                *(
                    published.ACTION_KINDS[name].exported(getattr(action, name))
                    for _heading, name in published.ACTION_COLUMNS
                ),
            ]
            if not action.indicators:
                yield common + [None] * 8
            for indicator in action.indicators:
                latest = indicator.latest
                yield common + [
                    indicator.name,
                    indicator.unit,
                    indicator.baseline,
                    indicator.target,
                    indicator.target_date.isoformat() if indicator.target_date else None,
                    latest.value if latest else None,
                    latest.measured_on.isoformat() if latest else None,
                    indicator.progress.percent,
                ]


@require_safe
def plan_export(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The published version's actions and indicators as CSV, every text cell
    that a spreadsheet would run written as text (as the directory's export)."""
    context = _plan_context(slug, None)
    plan: published.PublishedPlan = context["plan"]

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow(CSV_COLUMNS)
        for row in export_rows(plan):
            writer.writerow([csv_text(cell) for cell in row])
        yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    name = csv_safe(f"{slug}-v{plan.number}.csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "public, max-age=600"
    response["X-Content-Type-Options"] = "nosniff"
    return response

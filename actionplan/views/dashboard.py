"""The workspace's front pages: the plans, and a plan's dashboard."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Model, Q, Window
from django.db.models.functions import Lag, RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from actionplan import permissions
from actionplan.forms import PublishForm
from actionplan.models import Action, Comment, Indicator, IndicatorUpdate, Milestone, Plan, Theme
from actionplan.services.plans import PLAN_WORKFLOW
from actionplan.views.access import person, plan_or_404, workspace
from actionplan.views.history import author, units
from creativecities import history
from creativecities.models import Version


@workspace
def home(request: HttpRequest) -> HttpResponse:
    """The plans; with a single plan, straight to its dashboard."""
    plans = list(Plan.objects.order_by("-starts_on", "slug"))
    if len(plans) == 1:
        return redirect("actionplan:workspace_plan", slug=plans[0].slug)
    return render(request, "actionplan/workspace/home.html", {"plans": plans})


@dataclass(frozen=True)
class Activity:
    at: datetime.datetime
    sentence: str
    url: str


def _visible_actions(request: HttpRequest, plan: Plan) -> list[Action]:
    actions = (
        Action.objects.of_plan(plan)
        .for_listing()
        .select_related("theme__plan")  # a viewer's check reads the plan's status
        .prefetch_related("partners", "indicators__updates")
    )
    user = person(request)
    return [a for a in actions if permissions.can_see_action(user, a)]


def _activity(plan: Plan, themes: list[Theme], actions: list[Action]) -> list[Activity]:
    """The latest changes of the plan's content (its history) and values recorded,
    each as a sentence: who did what to which item."""
    types = ContentType.objects.get_for_models(Plan, Theme, Action, Indicator, Milestone)
    indicators = [i for a in actions for i in a.indicators.all()]
    # (content type, id) -> (the item's name, its page, the units of its figures)
    items: dict[tuple[int, int], tuple[str, str, dict[str, str]]] = {}
    plan_url = reverse("actionplan:workspace_plan", kwargs={"slug": plan.slug})
    items[(types[Plan].pk, plan.pk)] = (str(plan), plan_url, {})
    for theme in themes:
        items[(types[Theme].pk, theme.pk)] = (str(theme), plan_url, {})
    for action in actions:
        url = reverse("actionplan:workspace_action", kwargs={"pk": action.pk})
        items[(types[Action].pk, action.pk)] = (action.title, url, {})
        for indicator in action.indicators.all():
            items[(types[Indicator].pk, indicator.pk)] = (indicator.name, url, units(indicator))
    milestones = Milestone.objects.filter(action__in=actions).values_list(
        "pk", "action_id", "title"
    )
    for pk, action_id, title in milestones:
        url = reverse("actionplan:workspace_action", kwargs={"pk": action_id})
        items[(types[Milestone].pk, pk)] = (title, url, {})
    by_type: dict[int, list[int]] = {}
    for type_id, object_id in items:
        by_type.setdefault(type_id, []).append(object_id)
    condition = Q()
    for type_id, ids in by_type.items():
        condition |= Q(content_type_id=type_id, object_id__in=ids)
    # Each version with the one before it of the same object, in the same query.
    versions = (
        Version.objects.filter(condition)
        .annotate(
            before=Window(
                Lag("data"),
                partition_by=[F("content_type_id"), F("object_id")],
                order_by=[F("created_at").asc(), F("id").asc()],
            ),
            first=Window(
                RowNumber(),
                partition_by=[F("content_type_id"), F("object_id")],
                order_by=[F("created_at").asc(), F("id").asc()],
            ),
        )
        .select_related("created_by", "content_type")[:15]
    )
    rows = []
    for v in versions:
        name, url, suffixes = items[(v.content_type_id, v.object_id)]
        tracking = history.tracking_for(cast(type[Model], v.content_type.model_class()))
        rows += [
            Activity(at=v.created_at, sentence=sentence, url=url)
            for sentence in history.sentences(
                tracking,
                who=author(v),
                subject=name,
                before=None if v.first == 1 else v.before,
                after=v.data,
                suffixes=suffixes,
            )
        ]
    updates = IndicatorUpdate.objects.filter(indicator__in=indicators).select_related(
        "indicator__action", "created_by"
    )[:10]
    rows += [
        Activity(
            at=u.created_at,
            sentence=gettext("%(who)s recorded %(value)s for «%(subject)s» (measured on %(day)s)")
            % {
                "who": (u.created_by.get_full_name() if u.created_by else "") or gettext("Someone"),
                "value": f"{history.number(u.value)} {u.indicator.unit}".strip(),
                "subject": u.indicator.name,
                "day": history.day(u.measured_on),
            },
            url=reverse("actionplan:workspace_action", kwargs={"pk": u.indicator.action_id}),
        )
        for u in updates
    ]
    return sorted(rows, key=lambda row: row.at, reverse=True)[:15]


@workspace
def plan_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Actions by theme and status, indicators behind schedule, recent activity."""
    plan = plan_or_404(slug)
    themes = list(plan.themes.order_by("order", "pk"))
    actions = _visible_actions(request, plan)
    today = timezone.localdate()
    by_theme: dict[int, list[Action]] = {theme.pk: [] for theme in themes}
    for action in actions:
        by_theme[action.theme_id].append(action)
    counts = dict.fromkeys(Action.Status.values, 0)
    for action in actions:
        counts[action.status] += 1
    behind: list[tuple[Indicator, Any]] = []
    for action in actions:
        for indicator in action.indicators.all():
            indicator.action = action
            progress = indicator.progress(today)
            if progress.behind:
                behind.append((indicator, progress))
    user = person(request)
    coordinator = permissions.can_manage_plan(user, plan)
    steps = PLAN_WORKFLOW.available(plan, user) if coordinator else []
    context = {
        "plan": plan,
        "themes": [(theme, by_theme[theme.pk]) for theme in themes],
        "status_counts": [(Action.Status(s).label, s, n) for s, n in counts.items()],
        "behind": behind,
        "activity": _activity(plan, themes, actions),
        "coordinator": coordinator,
        "steps": [step for step in steps if step.name != "publish"],
        "may_publish": any(step.name == "publish" for step in steps),
        "publish_form": PublishForm(),
        "pending_comments": Comment.objects.awaiting_moderation()
        .filter(action__theme__plan=plan)
        .count()
        if coordinator
        else 0,
        "may_add_action": permissions.can_create_action(user) and bool(themes),
    }
    return render(request, "actionplan/workspace/plan.html", context)

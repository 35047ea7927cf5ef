"""The coordinator's pages: the plan's fields, themes, consultation, moderation,
publishing; and the published versions with what changed between them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from actionplan import published
from actionplan.forms import ModerationForm, PlanForm, PublishForm, ThemeForm
from actionplan.models import Comment, PlanVersion, Theme
from actionplan.services.comments import comment_moderate
from actionplan.services.plans import PLAN_WORKFLOW, plan_publish, plan_update, theme_save
from actionplan.views.access import person, plan_or_404, require_coordinator, workspace
from creativecities.workflow import TransitionError


@workspace
def plan_edit(request: HttpRequest, slug: str) -> HttpResponse:
    require_coordinator(request)
    plan = plan_or_404(slug)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            plan_update(plan=plan_or_404(slug), data=form.cleaned_data, by=person(request))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("actionplan:workspace_plan", slug=slug)
    return render(
        request,
        "actionplan/workspace/plan_form.html",
        {"plan": plan, "form": form, "themes": plan.themes.order_by("order", "pk")},
    )


@workspace
def theme_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    require_coordinator(request)
    plan = plan_or_404(slug)
    theme = get_object_or_404(Theme, pk=pk, plan=plan) if pk else Theme(plan=plan)
    form = ThemeForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "sectors"}
        theme_save(
            theme=theme, data=data, sectors=list(form.cleaned_data["sectors"]), by=person(request)
        )
        messages.success(request, gettext("Saved."))
        return redirect("actionplan:workspace_plan_edit", slug=slug)
    return render(
        request,
        "actionplan/workspace/theme_form.html",
        {"plan": plan, "form": form, "theme": theme},
    )


@require_POST
@workspace
def plan_step(request: HttpRequest, slug: str, step: str) -> HttpResponse:
    """Open or close the consultation (publishing has its own view, with a note)."""
    require_coordinator(request)
    plan = plan_or_404(slug)
    if step not in {"open_consultation", "close_consultation"}:
        raise Http404
    try:
        PLAN_WORKFLOW.apply(plan, step, by=person(request))
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(PLAN_WORKFLOW[step].done))
    return redirect("actionplan:workspace_plan", slug=slug)


@require_POST
@workspace
def plan_publish_view(request: HttpRequest, slug: str) -> HttpResponse:
    require_coordinator(request)
    plan = plan_or_404(slug)
    form = PublishForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    try:
        version = plan_publish(plan=plan, by=person(request), note=form.cleaned_data["note"])
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, gettext("Version %(number)s is published.") % {"number": version.number}
        )
    return redirect("actionplan:workspace_plan", slug=slug)


@workspace
def moderation(request: HttpRequest, slug: str) -> HttpResponse:
    require_coordinator(request)
    plan = plan_or_404(slug)
    pending = (
        Comment.objects.awaiting_moderation()
        .filter(action__theme__plan=plan)
        .select_related("action")
        .order_by("created_at")
    )
    return render(
        request, "actionplan/workspace/moderation.html", {"plan": plan, "comments": pending}
    )


@require_POST
@workspace
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    require_coordinator(request)
    comment = get_object_or_404(
        Comment.objects.awaiting_moderation().select_related("action__theme__plan"), pk=pk
    )
    form = ModerationForm(request.POST)
    if form.is_valid():
        comment_moderate(comment=comment, approve=form.cleaned_data["approve"], by=person(request))
        messages.success(request, gettext("Saved."))
    return redirect("actionplan:workspace_moderation", slug=comment.action.theme.plan.slug)


@workspace
def versions(request: HttpRequest, slug: str) -> HttpResponse:
    """Published versions, newest first, each with what it changed from the one before."""
    plan = plan_or_404(slug)
    rows = [published.read(v) for v in PlanVersion.objects.filter(plan=plan).order_by("number")]
    listed = [
        (version, published.differences(rows[i - 1], version) if i else None)
        for i, version in enumerate(rows)
    ]
    return render(
        request,
        "actionplan/workspace/versions.html",
        {"plan": plan, "versions": list(reversed(listed))},
    )

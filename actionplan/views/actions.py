"""An action in the workspace: its page, its edits, status steps, indicators,
milestones and comments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from actionplan import permissions
from actionplan.forms import (
    ActionForm,
    CommentForm,
    IndicatorForm,
    IndicatorUpdateForm,
    MilestoneForm,
)
from actionplan.models import Action, Comment, Indicator, Milestone
from actionplan.services.actions import (
    ACTION_WORKFLOW,
    action_change_status,
    action_create,
    action_update,
    milestone_save,
)
from actionplan.services.comments import comment_post
from actionplan.services.indicators import indicator_save, indicator_update_record
from actionplan.views.access import (
    action_or_404,
    editable_action,
    editable_indicator,
    person,
    plan_or_404,
    refusal,
    workspace,
)
from creativecities.workflow import TransitionError


def _action_page(
    request: HttpRequest, action: Action, *, comment_form: CommentForm | None = None
) -> HttpResponse:
    user = person(request)
    may_edit = permissions.can_edit_action(user, action)
    today = timezone.localdate()
    indicators = []
    for indicator in action.indicators.prefetch_related("updates__created_by"):
        indicator.action = action
        form = IndicatorUpdateForm(
            initial={"measured_on": today}, prefix=IndicatorUpdateForm.prefix_for(indicator)
        )
        indicators.append((indicator, indicator.progress(today), form))
    context = {
        "action": action,
        "plan": action.theme.plan,
        "may_edit": may_edit,
        "steps": ACTION_WORKFLOW.available(action, user) if may_edit else [],
        "milestones": action.milestones.all(),
        "indicators": indicators,
        "threads": Comment.objects.filter(action=action).threads(),
        "comment_form": comment_form or CommentForm(),
    }
    return render(request, "actionplan/workspace/action.html", context)


@workspace
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, action_or_404(request, pk))


def _action_form_page(
    request: HttpRequest, form: ActionForm, action: Action | None, plan: Any
) -> HttpResponse:
    return render(
        request,
        "actionplan/workspace/action_form.html",
        {"form": form, "action": action, "plan": plan},
    )


@workspace
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    plan = action.theme.plan
    lead = permissions.can_manage_plan(person(request), plan)
    form = ActionForm(request.POST or None, instance=action, plan=plan, lead=lead)
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in form.fields
            if name not in {"partners", "sectors"}
        }
        try:
            action_update(
                action=Action.objects.get(pk=action.pk),
                data=data,
                partners=list(form.cleaned_data["partners"]),
                sectors=list(form.cleaned_data["sectors"]),
                by=person(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("actionplan:workspace_action", pk=action.pk)
    return _action_form_page(request, form, action, plan)


@workspace
def action_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(slug)
    user = person(request)
    if not permissions.can_create_action(user):
        raise refusal(request)
    lead = permissions.can_manage_plan(user, plan)
    form = ActionForm(request.POST or None, plan=plan, lead=lead)
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in form.fields
            if name not in {"partners", "sectors", "theme"}
        }
        try:
            action = action_create(
                theme=form.cleaned_data["theme"],
                data=data,
                partners=list(form.cleaned_data["partners"]),
                sectors=list(form.cleaned_data["sectors"]),
                by=user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("actionplan:workspace_action", pk=action.pk)
    return _action_form_page(request, form, None, plan)


@require_POST
@workspace
def action_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    action = editable_action(request, pk)
    if step not in ACTION_WORKFLOW.by_name:
        raise PermissionDenied
    try:
        action_change_status(
            action=action, step=step, by=person(request), note=request.POST.get("note", "")[:500]
        )
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(ACTION_WORKFLOW[step].done))
    return redirect("actionplan:workspace_action", pk=action.pk)


@workspace
def indicator_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a value; the form sits on the action page, errors come back here."""
    indicator = editable_indicator(request, pk)
    form = IndicatorUpdateForm(
        request.POST or None, prefix=IndicatorUpdateForm.prefix_for(indicator)
    )
    if request.method == "POST" and form.is_valid():
        indicator_update_record(
            indicator=indicator,
            value=form.cleaned_data["value"],
            measured_on=form.cleaned_data["measured_on"],
            note=form.cleaned_data["note"],
            by=person(request),
        )
        messages.success(request, gettext("Saved."))
        return redirect("actionplan:workspace_action", pk=indicator.action_id)
    return render(
        request,
        "actionplan/workspace/object_form.html",
        {"form": form, "action": indicator.action, "heading": indicator.name},
    )


def _object_form(
    request: HttpRequest,
    *,
    form: Any,
    action: Action,
    heading: str,
    save: Any,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("actionplan:workspace_action", pk=action.pk)
    return render(
        request,
        "actionplan/workspace/object_form.html",
        {"form": form, "action": action, "heading": heading},
    )


@workspace
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    form = IndicatorForm(request.POST or None)
    return _object_form(
        request,
        form=form,
        action=action,
        heading=gettext("New indicator"),
        save=lambda data: indicator_save(
            indicator=Indicator(action=action), data=data, by=person(request)
        ),
    )


@workspace
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = editable_indicator(request, pk)
    form = IndicatorForm(request.POST or None, instance=Indicator.objects.get(pk=pk))
    return _object_form(
        request,
        form=form,
        action=indicator.action,
        heading=indicator.name,
        save=lambda data: indicator_save(indicator=indicator, data=data, by=person(request)),
    )


@workspace
def milestone_new(request: HttpRequest, pk: int) -> HttpResponse:
    action = editable_action(request, pk)
    form = MilestoneForm(request.POST or None)
    return _object_form(
        request,
        form=form,
        action=action,
        heading=gettext("New milestone"),
        save=lambda data: milestone_save(
            milestone=Milestone(action=action), data=data, by=person(request)
        ),
    )


@workspace
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(Milestone, pk=pk)
    action = editable_action(request, milestone.action_id)
    form = MilestoneForm(request.POST or None, instance=Milestone.objects.get(pk=pk))
    return _object_form(
        request,
        form=form,
        action=action,
        heading=milestone.title,
        save=lambda data: milestone_save(milestone=milestone, data=data, by=person(request)),
    )


@require_POST
@workspace
def comment_new(request: HttpRequest, pk: int) -> HttpResponse:
    action = action_or_404(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent_id = form.cleaned_data["parent"]
        parent = (
            get_object_or_404(Comment.objects.shown(), pk=parent_id, action=action)
            if parent_id
            else None
        )
        try:
            comment = comment_post(
                action=action,
                body=form.cleaned_data["body"],
                by=person(request),
                parent=parent,
                on_consultation=form.cleaned_data["on_consultation"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                gettext("Your comment is posted; the people of the action are told by email."),
            )
            url = reverse("actionplan:workspace_action", kwargs={"pk": action.pk})
            return redirect(f"{url}#comment-{comment.pk}")
    response = _action_page(request, action, comment_form=form)
    response.status_code = 400
    return response

"""The public consultation: while the coordinator keeps it open to the public,
anyone reads the draft's actions and comments on them, moderated before they
are shown. Closed (or never opened), these pages are a 404: the draft stays
in the workspace."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from actionplan.forms import PublicCommentForm
from actionplan.models import Action, Comment, Plan
from actionplan.services.comments import comment_post_public
from creativecities.limits.ratelimit import CeilingReached, RateLimited, ceiling, limit
from directory.notifications import desk_tell_ceiling_reached


def _open_plan(slug: str) -> Plan:
    plan = get_object_or_404(Plan, slug=slug)
    if not plan.open_to_public_comments:
        raise Http404
    return plan


def consultation(request: HttpRequest, slug: str) -> HttpResponse:
    plan = _open_plan(slug)
    actions = Action.objects.of_plan(plan).for_listing()
    return render(
        request, "actionplan/workspace/consultation.html", {"plan": plan, "actions": actions}
    )


def consultation_action(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = _open_plan(slug)
    action = get_object_or_404(Action.objects.of_plan(plan).for_listing(), pk=pk)
    form = PublicCommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if form.is_robot:
                # Answered as a person would be, and kept nowhere.
                messages.success(request, _thanks())
                return redirect("actionplan:consultation_action", slug=slug, pk=pk)
            try:
                limit(request, "plan_comment", recipient=form.cleaned_data["email"])
                ceiling(
                    "plan_comment_ceiling",
                    target=str(plan.pk),
                    reached=lambda refusal: _tell_desk(plan, refusal),
                )
                comment_post_public(
                    action=action,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    body=form.cleaned_data["body"],
                )
            except RateLimited as refusal:
                refusal.refuse(form)
                response = render(
                    request,
                    "actionplan/workspace/consultation_action.html",
                    _context(plan, action, form),
                )
                return refusal.respond(response)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _thanks())
                return redirect("actionplan:consultation_action", slug=slug, pk=pk)
        status = 400
    return render(
        request,
        "actionplan/workspace/consultation_action.html",
        _context(plan, action, form),
        status=status,
    )


def _tell_desk(plan: Plan, refusal: CeilingReached) -> None:
    """The desk hears once an hour that a consultation's public comments reached their ceiling."""
    path = reverse("admin:actionplan_comment_changelist")
    with translation.override(settings.LANGUAGE_CODE):  # the desk's language
        what = gettext("The consultation on “%(title)s”") % {"title": plan.title}
    desk_tell_ceiling_reached(
        what=what,
        link=f"{settings.SITE_URL}{path}?moderation__exact=pending",
        count=refusal.rate.count,
        seconds=refusal.rate.seconds,
    )


def _context(plan: Plan, action: Action, form: PublicCommentForm) -> dict[str, object]:
    return {
        "plan": plan,
        "action": action,
        "form": form,
        "threads": Comment.objects.filter(action=action).consultation_threads(),
    }


def _thanks() -> str:
    return gettext("Thank you: your comment will appear once the coordinator has read it.")

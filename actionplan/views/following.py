"""Following an action: ask (rate-limited). Confirming and stopping are the
shared pages of every subscription (`creativecities.subscriptions.views`)."""

from __future__ import annotations

from http import HTTPStatus

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from actionplan.forms import FollowForm
from actionplan.models import Action
from actionplan.services.following import follower_request
from actionplan.views.public import _plan_context
from creativecities.limits.ratelimit import RateLimited, limit


@require_POST
def action_follow(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    """Ask to follow a published action; the answer is the same whether or not
    the address already follows it."""
    context = _plan_context(slug, None)
    published_action = context["plan"].action(action_id)
    if published_action is None:
        raise Http404
    action = Action.objects.select_related("theme__plan").filter(pk=action_id).first()
    if action is None:  # published once, deleted since: nothing left to follow
        raise Http404
    form = FollowForm(request.POST)
    refusal: RateLimited | None = None
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            limit(request, "plan_follow", recipient=email)
        except RateLimited as error:
            refusal = error
            refusal.refuse(form)
        else:
            follower_request(action=action, email=email, language=get_language() or "it")
            return render(
                request,
                "actionplan/follow_sent.html",
                {"email": email, "action": published_action, "slug": slug},
            )
    # The action's page again, with the form and what was wrong with it.
    context.update(
        action=published_action,
        theme=next(t for t in context["plan"].themes if any(a.id == action_id for a in t.actions)),
        follow_form=form,
    )
    response = render(
        request, "actionplan/action_detail.html", context, status=HTTPStatus.BAD_REQUEST
    )
    return refusal.respond(response) if refusal else response

"""The workspace's door: who gets in, and the objects a person may open.

Anonymous visitors go to the login page; people logged in who are not partner
users get a 404, as do actions a person may not see (see
`actionplan.permissions`). Changes a person may not make answer 403, with a
page that says why (`refusal`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from actionplan import permissions
from actionplan.models import Action, Indicator, PartnerMember, PartnerRole, Plan
from creativecities.errors import Refused
from directory.models import User


def workspace(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Partner users only; the member is `request.plan_member`."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        member = permissions.member_of(cast(User, request.user))
        if member is None:
            raise Http404
        request.plan_member = member  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def person(request: HttpRequest) -> User:
    return cast(User, request.user)


def member(request: HttpRequest) -> PartnerMember:
    return cast(PartnerMember, request.plan_member)  # type: ignore[attr-defined]


def plan_or_404(slug: str) -> Plan:
    return get_object_or_404(Plan, slug=slug)


def action_or_404(request: HttpRequest, pk: int) -> Action:
    """An action the person may see, with what its page shows."""
    action = get_object_or_404(
        Action.objects.select_related("theme__plan", "lead_partner").prefetch_related("partners"),
        pk=pk,
    )
    if not permissions.can_see_action(person(request), action):
        raise Http404
    return action


def refusal(request: HttpRequest, *, coordinator_only: bool = False) -> Refused:
    """The 403 of a change this partner user may not make, saying why: a viewer's
    access is read-only; an editor changes only the actions their partner leads;
    some steps are the coordinator's alone."""
    if member(request).role == PartnerRole.VIEWER:
        return Refused(
            gettext(
                "Your access to the workspace is read-only: as a viewer you read the plan "
                "and comment on it, but you do not change it. An editor of your partner or "
                "the coordinator can make this change."
            )
        )
    if coordinator_only:
        return Refused(gettext("Only the coordinator of the plan can do this."))
    return Refused(
        gettext(
            "Only the editors of the partner leading this action, and the coordinator, "
            "can change it."
        )
    )


def editable_action(request: HttpRequest, pk: int) -> Action:
    action = action_or_404(request, pk)
    if not permissions.can_edit_action(person(request), action):
        raise refusal(request)
    return action


def editable_indicator(request: HttpRequest, pk: int) -> Indicator:
    indicator = get_object_or_404(Indicator.objects.select_related("action"), pk=pk)
    action_or_404(request, indicator.action_id)
    if not permissions.can_record_indicator(person(request), indicator):
        raise refusal(request)
    return indicator


def require_coordinator(request: HttpRequest) -> None:
    if not permissions.can_manage_plan(person(request)):
        raise refusal(request, coordinator_only=True)

"""Accepting an invitation to a partner's team, from the emailed link."""

from __future__ import annotations

from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from actionplan.forms import InvitationAcceptForm
from actionplan.models import PartnerInvitation
from actionplan.services.people import partner_invitation_accept
from creativecities.limits.ratelimit import limited
from directory.models import User


@limited("invitation_accept")
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link changes nothing; accepting is a POST (mail scanners open
    links before people do). Logged in as the invited address: one click.
    Without an account: a name and a password."""
    found = PartnerInvitation.objects.select_related("partner").by_token(token)
    if found is None or not found.is_usable:
        return render(request, "actionplan/workspace/invitation_invalid.html", status=404)
    user = request.user if request.user.is_authenticated else None
    has_account = User.objects.filter(email__iexact=found.email).exists()
    form = InvitationAcceptForm(request.POST or None) if user is None and not has_account else None
    error = ""
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            partner_invitation_accept(
                invitation=found,
                user=user if isinstance(user, User) else None,
                **(form.cleaned_data if form is not None else {}),
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            if user is None:
                account = User.objects.get(email__iexact=found.email)
                login(request, account, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("actionplan:workspace")
    return render(
        request,
        "actionplan/workspace/invitation.html",
        {"invitation": found, "form": form, "has_account": has_account, "error": error},
    )

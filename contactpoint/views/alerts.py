"""Alerts: the subscription form. Confirming and unsubscribing are the shared
pages of every subscription (`creativecities.subscriptions.views`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from contactpoint.forms import AlertSubscribeForm
from contactpoint.services import alerts
from creativecities.limits.ratelimit import RateLimited, limit

SUBSCRIBED_SESSION_KEY = "desk_alert_email"


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    form = AlertSubscribeForm(request.POST or None)
    refusal: RateLimited | None = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            limit(request, "desk_alert_subscribe", recipient=email)
        except RateLimited as error:
            refusal = error
            refusal.refuse(form)
        else:
            alerts.alert_subscribe(
                email=email,
                sectors=form.cleaned_data["sectors"],
                cadence=form.cleaned_data["cadence"],
                language=get_language() or "it",
            )
            request.session[SUBSCRIBED_SESSION_KEY] = email
            return redirect("contactpoint:alerts_done")
    response = render(request, "contactpoint/alerts/subscribe.html", {"form": form})
    return refusal.respond(response) if refusal else response


@require_safe
def subscribe_done(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contactpoint/alerts/subscribe_done.html",
        {
            "email": request.session.get(SUBSCRIBED_SESSION_KEY, ""),
            "valid_days": alerts.CONFIRM_MAX_AGE.days,
        },
    )

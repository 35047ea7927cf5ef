"""Alerts: subscribe, confirm (one click on a page, a POST), unsubscribe."""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
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


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "contactpoint/alerts/link_invalid.html", status=HTTPStatus.BAD_REQUEST)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows one button and changes nothing (mail scanners open
    links before people do); the button's POST starts the alerts."""
    try:
        subscription = alerts.subscription_to_confirm(token)
    except alerts.AlertLinkError:
        return _invalid(request)
    if request.method == "POST":
        subscription = alerts.alert_confirm(subscription=subscription)
        return render(request, "contactpoint/alerts/confirmed.html", {"subscription": subscription})
    return render(request, "contactpoint/alerts/confirm.html", {"subscription": subscription})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link of every alert mail. Opening it shows one button; its POST, or
    the mail client's own one-click POST (RFC 8058, which carries no CSRF token
    and needs none: the signed link is the proof), ends the subscription."""
    try:
        subscription = alerts.subscription_to_end(token)
    except alerts.AlertLinkError as problem:
        if problem.reason == "gone":
            # Already unsubscribed (a second click): the outcome asked for holds.
            return render(request, "contactpoint/alerts/unsubscribed.html")
        return _invalid(request)
    if request.method == "POST":
        alerts.alert_unsubscribe(subscription=subscription)
        return render(request, "contactpoint/alerts/unsubscribed.html")
    return render(request, "contactpoint/alerts/unsubscribe.html", {"subscription": subscription})

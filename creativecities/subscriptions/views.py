"""The two pages of every subscription's links, for every kind.

Opening a link shows a page with one button and changes nothing (mail
scanners open links before people do); the button's POST acts. The stop link
also takes a mail client's one-click POST (RFC 8058), which carries no CSRF
token: that POST alone, whose body is exactly `List-Unsubscribe=One-Click`,
is accepted without one (the signed link is the proof, and the worst a forged
one can do is unsubscribe its owner); any other POST is checked as usual.
"""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from creativecities.subscriptions import services
from creativecities.subscriptions.kinds import kind_named, kind_of


def _unusable(request: HttpRequest, kind_name: str) -> HttpResponse:
    """The one page of a link that cannot be used (tampered with, cut, expired,
    replaced), for every kind: 400, never an error page."""
    return render(
        request,
        "subscriptions/link_invalid.html",
        {"kind": kind_named(kind_name)},
        status=HTTPStatus.BAD_REQUEST,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, kind: str, token: str) -> HttpResponse:
    try:
        subscription = services.subscription_from_link(kind, token, "confirm")
    except services.SubscriptionLinkError:
        return _unusable(request, kind)
    pages = kind_of(subscription).pages
    if request.method == "POST":
        subscription = services.confirm(subscription)
        return render(request, f"{pages}/confirmed.html", {"subscription": subscription})
    return render(request, f"{pages}/confirm.html", {"subscription": subscription})


def is_one_click(request: HttpRequest) -> bool:
    """A POST whose whole form is RFC 8058's `List-Unsubscribe=One-Click`."""
    return [(key, values) for key, values in request.POST.lists()] == [
        ("List-Unsubscribe", ["One-Click"])
    ]


def _nothing(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def stop(request: HttpRequest, kind: str, token: str) -> HttpResponse:
    if request.method == "POST" and not is_one_click(request):
        # The check the middleware skipped for this view, as it makes it for others.
        refused = CsrfViewMiddleware(_nothing).process_view(request, _nothing, (), {})
        if refused is not None:
            return refused
    try:
        subscription = services.subscription_from_link(kind, token, "stop")
    except services.SubscriptionLinkError as problem:
        registered = kind_named(kind)
        if problem.reason == "gone" and registered is not None:
            # Already unsubscribed (a second click): the outcome asked for holds.
            return render(request, f"{registered.pages}/unsubscribed.html")
        return _unusable(request, kind)
    pages = kind_of(subscription).pages
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, f"{pages}/unsubscribed.html")
    return render(request, f"{pages}/unsubscribe.html", {"subscription": subscription})

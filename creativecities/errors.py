"""The portal's own error pages, in the visitor's language, under DEBUG too.

Django's defaults answer a refused request with a bare English "403 Forbidden"
and, under DEBUG (`make run`), a missing page with its technical page listing
every URL pattern. The handlers here render the branded templates instead
(`400.html`, `403.html`, `404.html` on `base.html`; `500.html` standalone, since
whatever broke may be what the base template needs), and `NotFoundMiddleware`
keeps the branded 404 under DEBUG.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import requires_csrf_token


class Refused(PermissionDenied):
    """A refusal whose message is written for the person refused (translated):
    the 403 page shows it. Any other PermissionDenied carries a message for
    developers and logs, which the page never shows."""


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if isinstance(exception, Refused) else ""
    return render(request, "403.html", {"reason": reason}, status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


class NotFoundMiddleware:
    """Under DEBUG, the portal's own 404 page instead of Django's technical one.

    Django answers a missing page under DEBUG with a page of its own before any
    handler is asked: for an address no pattern matches (resolved here first)
    and for an `Http404` a view raised (`process_exception`). Both get the page
    visitors get in production. DJANGO_DEBUG_TECHNICAL_404 brings Django's page
    back for whoever needs to see the patterns tried. Without DEBUG, Django
    already uses `page_not_found` and this middleware steps aside.

    It sits after LocaleMiddleware and CommonMiddleware, which still turn a
    404 into a redirect to the address with its language or its final slash.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not settings.DEBUG or settings.DEBUG_TECHNICAL_404:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404 as missing:
            return page_not_found(request, missing)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None

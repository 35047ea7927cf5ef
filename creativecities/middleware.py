"""What the portal makes of a request at its edge: how much it may send, and
the language of the pages. Who sent it is `creativecities.limits.clients`."""

import unicodedata
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _


class RequestBodyLimitMiddleware:
    """Refuses a request body larger than REQUEST_BODY_MAX_SIZE before anything reads it.

    Django checks CSRF, sessions and form sizes only once a view's turn comes, and
    a multipart body is spooled to disk as soon as something touches POST: without
    this first check, anyone could make every app server write tens of megabytes
    per request. The declared Content-Length is all that is read here. A body sent
    without one (chunked) is answered 411, since Django would otherwise read it as
    empty; a malformed length is answered 400. The reverse proxy enforces the same
    limit in production (README, Production); this is the guard that holds without it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH", "")
        if declared:
            if not declared.isdigit():
                return HttpResponse(
                    "Invalid Content-Length.\n", status=400, content_type="text/plain"
                )
            if int(declared) > settings.REQUEST_BODY_MAX_SIZE:
                return HttpResponse(
                    "Request body too large.\n", status=413, content_type="text/plain"
                )
        elif "HTTP_TRANSFER_ENCODING" in request.META:
            return HttpResponse("Content-Length required.\n", status=411, content_type="text/plain")
        return self.get_response(request)


def control_character_in(text: str) -> bool:
    """Whether `text` holds a control character other than tab, newline and
    carriage return (which a search box can take from pasted text, and which
    the admin reads as spaces)."""
    return any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in text)


class AdminQueryStringMiddleware:
    """Answers 400 to a request for the admin whose query string holds a control
    character, in a parameter's name or value, before any admin view reads it.

    The admin hands its change lists' filters, search and ordering straight to
    the database, whose text cannot hold a NUL byte: `?status__exact=%00` made
    the query itself fail (a 500) on every list with a filter, the admin's own
    and the installed apps' alike. No control character is meaningful in an
    address of the desk, so all of them are refused here, once for every admin
    page, instead of view by view. The public pages keep reading such values
    through their forms, which report them on the field they spoil.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._prefix: str | None = None

    @property
    def admin_prefix(self) -> str:
        """Where the admin lives, read from the URLs once they are loaded."""
        if self._prefix is None:
            self._prefix = reverse("admin:index")
        return self._prefix

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(self.admin_prefix):
            for name, values in request.GET.lists():
                if control_character_in(name) or any(map(control_character_in, values)):
                    shown = name.encode("unicode_escape").decode("ascii")[:80]
                    message = _(
                        "The address contains a control character (in the parameter "
                        "“%(name)s”), which no page of the desk accepts. Remove it and "
                        "try again."
                    ) % {"name": shown}
                    return HttpResponseBadRequest(
                        message + "\n", content_type="text/plain; charset=utf-8"
                    )
        return self.get_response(request)

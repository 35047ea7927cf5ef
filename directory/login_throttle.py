"""How the portal throttles logins, on top of django-axes.

Axes counts failed logins per account and per client address (the settings say
so) and refuses further attempts for a cool-off once either count reaches the
limit. What this module adds, and why:

- The cool-off grows with the failures the account or address has piled up in
  the last day: every failure past the limit doubles it, up to a ceiling. A
  script gets a handful of guesses and then one now and then; the owner of an
  account is never locked out for good, since the right password works again
  once the cool-off has passed, and a successful login forgets the failures.
- Failures are kept for that day (Axes would forget them after one cool-off),
  so that the growth has something to count. Attempts made during a lockout are
  not counted, so hammering a locked account does not extend its lockout.
- Addresses in any case are one account, as they are for the login itself.
- The lockout page is the portal's, in the visitor's language, with status 429
  and a Retry-After header.
"""

import datetime
import math
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

# How long failures are remembered, and so how long the cool-off keeps growing.
MEMORY = datetime.timedelta(days=1)
# Doublings beyond which the ceiling has long been reached (keeps the power small).
MAX_DOUBLINGS = 20


def login_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str | None:
    """The account a login attempt is for, as the login form reads it: the email
    address, in lower case (the portal's and the admin's forms post it as `username`)."""
    if credentials and credentials.get("username"):
        username = str(credentials["username"])
    elif request is not None:
        username = request.POST.get("username", "")
    else:
        username = ""
    return username.strip().lower() or None


def remembered_attempts(request: HttpRequest) -> list[QuerySet[AccessAttempt]]:
    """The failed attempts of the last day, one set per lockout parameter: those of
    this request's account, those of its address."""
    groups = get_client_parameters(
        login_username(request, None),
        getattr(request, "axes_ip_address", None),
        getattr(request, "axes_user_agent", ""),
        request,
    )
    since = timezone.now() - MEMORY
    return [AccessAttempt.objects.filter(attempt_time__gte=since, **group) for group in groups]


def remembered_failures(request: HttpRequest) -> int:
    """The failures of the last day, of this request's account or of its address,
    whichever is larger."""
    return max(
        (
            int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)
            for attempts in remembered_attempts(request)
        ),
        default=0,
    )


def cool_off(request: HttpRequest | None) -> datetime.timedelta:
    """The lockout of this request's account or address: the base cool-off at the
    limit, doubled by each failure beyond it, never above the ceiling."""
    base: datetime.timedelta = settings.LOGIN_COOLOFF
    ceiling: datetime.timedelta = settings.LOGIN_COOLOFF_MAX
    if request is None:
        return base
    beyond = remembered_failures(request) - int(settings.AXES_FAILURE_LIMIT)
    if beyond <= 0:
        return base
    return min(base * (1 << min(beyond, MAX_DOUBLINGS)), ceiling)


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler, keeping failures for `MEMORY` instead of one cool-off.

    Axes deletes every attempt older than the cool-off of the request at hand; with
    a cool-off that differs per account, a fresh client's short one would erase the
    record of an account under attack. Which attempts count towards a lockout is
    still decided per request, by the cool-off window.
    """

    def clean_expired_user_attempts(
        self, request: HttpRequest | None = None, credentials: dict[str, Any] | None = None
    ) -> int:
        count, _ = AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - MEMORY).delete()
        return int(count)


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' gate before the password check, for requests only.

    Every login form of the portal passes its request, and is throttled. An
    authentication without one comes from code the operators run (the shell, the
    test client's `login`): Axes would raise there; it is let through to the
    password check instead.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        super().authenticate(request, username, password, **kwargs)
        return None


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page a locked-out login gets: when to try again, and that a forgotten
    password can be reset meanwhile."""
    latest = max(
        (
            attempts.aggregate(latest=Max("attempt_time"))["latest"]
            for attempts in remembered_attempts(request)
        ),
        default=None,
        key=lambda moment: moment or datetime.datetime.min.replace(tzinfo=datetime.UTC),
    )
    wait = cool_off(request)
    if latest is not None:
        wait = max(latest + wait - timezone.now(), datetime.timedelta(seconds=1))
    response = render(
        request,
        "registration/locked_out.html",
        {"title": _("Too many login attempts"), "minutes": math.ceil(wait.total_seconds() / 60)},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(wait.total_seconds()))
    return response

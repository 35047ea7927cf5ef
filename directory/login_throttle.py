"""How the portal throttles logins, on top of django-axes.

Many people can share one client address (an office, a university, a coworking
space behind one NAT), and anyone can type anyone's email address; so no single
count of failures may refuse everyone behind an address, nor an account's owner.
Three counts, each with its own limit:

- The pair (account, address): Axes counts the failures of each account from
  each address (the settings say so) and refuses that pair for a cool-off once
  they reach `LOGIN_FAILURE_LIMIT` (5). The cool-off grows with the pair's
  failures of the last day: every failure past the limit doubles it, up to a
  ceiling. Everyone else behind the address, and the account from elsewhere,
  log in as usual.
- The address alone: `LOGIN_ADDRESS_FAILURE_LIMIT` (50) failures in the last
  `LOGIN_WIDE_WINDOW` (an hour), over any accounts, refuse every login from the
  address until the failures age out: a script guessing many accounts from one
  place, which the pairs alone would let through five at a time.
- The account alone: `LOGIN_ACCOUNT_FAILURE_LIMIT` (20) failures in that window,
  from any addresses, refuse the account to addresses it has never been logged
  in to from. An address it has (a successful login in Axes' access log, kept
  90 days by the daily cleanup) is never refused for the account's sake: the
  owner keeps logging in while many addresses guess.

Failures are kept for a day (Axes would forget them after one cool-off) so that
the growth has something to count; a successful login forgets its pair's
failures, so failures that were only typing mistakes do not count towards the
address's limit either. Attempts made during a lockout are not counted, so
hammering a locked pair does not extend its lockout. Addresses in any case are
one account, as they are for the login itself; an IPv6 client is its /64
network, as for every limit of the portal (`creativecities.middleware`).

The lockout page is the portal's, in the visitor's language, with status 429, a
Retry-After header and a message that says which of the three it is.
"""

import datetime
import enum
import math
from dataclasses import dataclass
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_parameters
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Max, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.second_factor import second_factor_pending

# How long failures are remembered, and so how long the cool-off keeps growing.
MEMORY = datetime.timedelta(days=1)
# Doublings beyond which the ceiling has long been reached (keeps the power small).
MAX_DOUBLINGS = 20
# The request attribute naming the account at the second factor's code step.
SECOND_FACTOR_ACCOUNT = "second_factor_account"


def login_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str | None:
    """The account a login attempt is for, as the login form reads it: the email
    address, in lower case (the portal's and the admin's forms post it as `username`).
    At the second factor's code step, the account that gave its password
    (`SECOND_FACTOR_ACCOUNT`, set by that view)."""
    if credentials and credentials.get("username"):
        username = str(credentials["username"])
    elif request is not None:
        username = request.POST.get("username", "") or getattr(request, SECOND_FACTOR_ACCOUNT, "")
    else:
        username = ""
    return username.strip().lower() or None


def remembered_failures(request: HttpRequest) -> int:
    """The failures of the last day of this request's account from its address."""
    groups = get_client_parameters(
        login_username(request, None),
        getattr(request, "axes_ip_address", None),
        getattr(request, "axes_user_agent", ""),
        request,
    )
    since = timezone.now() - MEMORY
    return max(
        (
            _failures(AccessAttempt.objects.filter(attempt_time__gte=since, **group))[0]
            for group in groups
        ),
        default=0,
    )


def cool_off(request: HttpRequest | None) -> datetime.timedelta:
    """The lockout of this request's account from its address: the base cool-off
    at the limit, doubled by each failure beyond it, never above the ceiling."""
    base: datetime.timedelta = settings.LOGIN_COOLOFF
    ceiling: datetime.timedelta = settings.LOGIN_COOLOFF_MAX
    if request is None:
        return base
    beyond = remembered_failures(request) - int(settings.AXES_FAILURE_LIMIT)
    if beyond <= 0:
        return base
    return min(base * (1 << min(beyond, MAX_DOUBLINGS)), ceiling)


class LockoutKind(enum.StrEnum):
    """Which count refuses a login (the module's docstring says why three)."""

    PAIR = "pair"
    ADDRESS = "address"
    ACCOUNT = "account"


@dataclass(frozen=True)
class Lockout:
    """A refusal in force: which count refuses, and when it ends at the latest."""

    kind: LockoutKind
    until: datetime.datetime


def _failures(attempts: QuerySet[AccessAttempt]) -> tuple[int, datetime.datetime | None]:
    """How many failures these attempts hold, and when the latest was."""
    totals = attempts.aggregate(total=Sum("failures_since_start"), latest=Max("attempt_time"))
    return int(totals["total"] or 0), totals["latest"]


def known_address(username: str, address: str | None) -> bool:
    """Whether the account has been logged in to from this address (within the
    days Axes' access log is kept)."""
    return bool(AccessLog.objects.filter(username=username, ip_address=address).exists())


def pair_lockout(request: HttpRequest, credentials: dict[str, Any] | None) -> Lockout | None:
    """The lockout of this request's account from its address, if in force."""
    wait = cool_off(request)
    since = timezone.now() - wait
    username = login_username(request, credentials)
    address = getattr(request, "axes_ip_address", None)
    total, latest = _failures(
        AccessAttempt.objects.filter(username=username, ip_address=address, attempt_time__gte=since)
    )
    if latest is None or total < int(settings.AXES_FAILURE_LIMIT):
        return None
    return Lockout(LockoutKind.PAIR, latest + wait)


def wide_lockout(request: HttpRequest, credentials: dict[str, Any] | None) -> Lockout | None:
    """The lockout of this request's whole address, or of its account from an
    address the account does not know, if in force."""
    window: datetime.timedelta = settings.LOGIN_WIDE_WINDOW
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - window)
    address = getattr(request, "axes_ip_address", None)
    total, latest = _failures(recent.filter(ip_address=address))
    if latest is not None and total >= int(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        return Lockout(LockoutKind.ADDRESS, latest + window)
    username = login_username(request, credentials)
    if username is None:
        return None
    total, latest = _failures(recent.filter(username=username))
    if (
        latest is not None
        and total >= int(settings.LOGIN_ACCOUNT_FAILURE_LIMIT)
        and not known_address(username, address)
    ):
        return Lockout(LockoutKind.ACCOUNT, latest + window)
    return None


def lockout(request: HttpRequest, credentials: dict[str, Any] | None) -> Lockout | None:
    """The lockout in force for this login, the one that lasts longest if several."""
    found = [
        found
        for found in (pair_lockout(request, credentials), wide_lockout(request, credentials))
        if found is not None
    ]
    return max(found, key=lambda found: found.until, default=None)


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler, keeping failures for `MEMORY` instead of one cool-off.

    Axes deletes every attempt older than the cool-off of the request at hand; with
    a cool-off that differs per account, a fresh client's short one would erase the
    record of an account under attack. Which attempts count towards a lockout is
    still decided per request, by the cool-off window.
    """

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        """Locked by the pair's count (Axes' own), or by the address's or the
        account's."""
        return bool(super().is_locked(request, credentials) or wide_lockout(request, credentials))

    def user_login_failed(
        self,
        sender: Any,
        credentials: dict[str, Any],
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> None:
        """Axes records the failure and locks the pair at its limit; the failure
        that brings the address or the account to theirs is refused the same way."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out:  # type: ignore[attr-defined]
            return
        if wide_lockout(request, credentials) is not None:
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.axes_credentials = credentials  # type: ignore[attr-defined]

    def user_logged_in(
        self, sender: Any, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> None:
        """A login is a success once complete: for staff who still owe their
        second factor, only when the code is passed (`directory.views.second_factor`
        calls this again then). Before, forgetting the pair's failures would let
        anyone who knows the password try codes without end."""
        if second_factor_pending(request, user):
            return
        super().user_logged_in(sender, request, user, **kwargs)

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
    """The page a locked-out login gets: which lockout it is, when to try again,
    and that a forgotten password can be reset meanwhile."""
    now = timezone.now()
    found = lockout(request, credentials) or Lockout(LockoutKind.PAIR, now + cool_off(request))
    wait = max(found.until - now, datetime.timedelta(seconds=1))
    response = render(
        request,
        "registration/locked_out.html",
        {
            "title": _("Too many login attempts"),
            "kind": found.kind.value,
            "minutes": math.ceil(wait.total_seconds() / 60),
        },
        status=429,
    )
    response["Retry-After"] = str(math.ceil(wait.total_seconds()))
    return response


def login_records_forget(now: datetime.datetime) -> int:
    """Login records (attempts, logs, failures) older than
    `RETENTION_LOGIN_RECORDS_DAYS`: the retention schedule's rule for them."""
    cutoff = now - datetime.timedelta(days=settings.RETENTION_LOGIN_RECORDS_DAYS)
    return sum(
        record.objects.filter(attempt_time__lt=cutoff).delete()[0]
        for record in (AccessAttempt, AccessLog, AccessFailureLog)
    )

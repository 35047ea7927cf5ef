"""Staff's second factor: the code after the password, enrolling an
authenticator, and the backup codes shown once (`directory/second_factor.py`
says why and how)."""

from __future__ import annotations

import math
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_otp import login as otp_login
from django_otp.models import Device

from directory.forms import SecondFactorCodeForm
from directory.login_throttle import SECOND_FACTOR_ACCOUNT
from directory.models import User
from directory.second_factor import (
    qr_code_data_uri,
    second_factor_device_for_enrolment,
    second_factor_enrol,
    second_factor_enrolled,
    second_factor_passed,
    second_factor_verify,
    second_factor_wait,
    secret_text,
)

SETUP_DEVICE_SESSION_KEY = "second_factor_setup_device"
BACKUP_CODES_SESSION_KEY = "second_factor_backup_codes"


def _next(request: HttpRequest) -> str:
    """Where the staff member was going: a page of this site, the admin by default."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': target})}"


def _staff(request: HttpRequest) -> User | None:
    """The staff member of this session; None when nobody is logged in (sent to
    the admin's login); anyone else is refused."""
    if not request.user.is_authenticated:
        return None
    if not (request.user.is_active and request.user.is_staff):
        raise PermissionDenied
    return request.user


def _passed(request: HttpRequest, user: User, device: Device) -> None:
    """The session passed the second factor: it may use the admin, and only now
    does the login count as a success for the login throttle."""
    otp_login(request, device)
    AxesProxyHandler.user_logged_in(__name__, request=request, user=user)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The code, after the password."""
    target = _next(request)
    user = _staff(request)
    if user is None:
        return redirect(_with_next("admin:login", target))
    if second_factor_passed(request):
        return redirect(target)
    if not second_factor_enrolled(user):
        return redirect(_with_next("second_factor_setup", target))
    credentials = {"username": user.email}
    setattr(request, SECOND_FACTOR_ACCOUNT, user.email)  # for the throttle's cool-off
    form = SecondFactorCodeForm(request.POST or None)
    context: dict[str, Any] = {"title": _("Enter your code"), "form": form, "next": target}
    if not AxesProxyHandler.is_allowed(request, credentials):
        # The pair (account, address) is locked: the lockout page, from Axes' middleware.
        request.axes_locked_out = True  # type: ignore[attr-defined]
        request.axes_credentials = credentials  # type: ignore[attr-defined]
        return render(request, "registration/second_factor_verify.html", context)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        wait = second_factor_wait(user=user, code=code)
        device = None if wait else second_factor_verify(user=user, code=code)
        if device is not None:
            _passed(request, user, device)
            return redirect(target)
        if wait:
            seconds = math.ceil(wait.total_seconds())
            form.add_error(
                "code",
                ngettext(
                    "Too many wrong codes in a row: please wait %(seconds)d second, "
                    "then try again.",
                    "Too many wrong codes in a row: please wait %(seconds)d seconds, "
                    "then try again.",
                    seconds,
                )
                % {"seconds": seconds},
            )
        else:
            form.add_error(
                "code",
                _(
                    "This code is not valid. Type the six digits your authenticator app "
                    "shows now (check that the phone's clock is right), or an unused backup code."
                ),
            )
        # A wrong code is a failed login of this account from this address.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return render(request, "registration/second_factor_verify.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Enrolling an authenticator: its key as a QR code and written out, then
    its first code to confirm it. Only for staff without one: a session that
    has not passed must not replace the device it would have to pass with."""
    target = _next(request)
    user = _staff(request)
    if user is None:
        return redirect(_with_next("admin:login", target))
    if second_factor_enrolled(user):
        return redirect(_with_next("second_factor_verify", target))
    device = second_factor_device_for_enrolment(
        user=user, device_id=request.session.get(SETUP_DEVICE_SESSION_KEY)
    )
    request.session[SETUP_DEVICE_SESSION_KEY] = device.pk
    form = SecondFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor_enrol(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            del request.session[SETUP_DEVICE_SESSION_KEY]
            _passed(request, user, device)
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            return redirect(_with_next("second_factor_backup_codes", target))
        form.add_error(
            "code",
            _(
                "This code is not valid. Type the six digits the app shows now, "
                "and check that the phone's clock is right."
            ),
        )
    return render(
        request,
        "registration/second_factor_setup.html",
        {
            "title": _("Set up your second factor"),
            "form": form,
            "next": target,
            "qr_code": qr_code_data_uri(device),
            "secret": secret_text(device),
        },
    )


@never_cache
@require_safe
def backup_codes(request: HttpRequest) -> HttpResponse:
    """The backup codes, once: they are kept only as the codes to check."""
    target = _next(request)
    user = _staff(request)
    if user is None:
        return redirect(_with_next("admin:login", target))
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(target)
    return render(
        request,
        "registration/second_factor_backup_codes.html",
        {"title": _("Your backup codes"), "codes": codes, "next": target},
    )

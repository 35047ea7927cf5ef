"""The second factor of staff: a one-time code after the password, before the admin.

Desk staff and superusers read every enquiry and every member's data, so a
password alone (phished, reused, guessed) must not open the admin. Each staff
member enrols an authenticator app (a TOTP device of django-otp, confirmed by its
first code) and receives backup codes (a static device, each code usable once)
for the day the phone is lost. A session passes the second factor when it gave
one of those codes (django-otp keeps which device in the session); the admin
site (`directory.admin_site`) lets a staff session in only then.

It is required unless `settings.STAFF_OTP_REQUIRED` is off (by default only with
DEBUG, under `make run`); then staff who enrolled anyway are still asked.

The login throttle covers the code step: a wrong code counts as a failed login
of the pair (account, address), and a password login of staff counts as a
success (forgetting the pair's failures, making the address known) only once
the code is passed too; otherwise logging in again with the password would wipe
the count of wrong codes.
"""

from __future__ import annotations

import base64
import datetime
import re
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.models import User

# An authenticator's code: six digits. A backup code is eight letters and digits.
TOTP_CODE = re.compile(r"^\d{6}$")


def second_factor_required(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether this person must give a code before any admin page: staff, when
    codes are required or when they enrolled anyway."""
    if not (user.is_authenticated and getattr(user, "is_staff", False)):
        return False
    return bool(settings.STAFF_OTP_REQUIRED or user_has_device(user))


def second_factor_passed(request: HttpRequest) -> bool:
    """Whether this session may use the admin as far as the second factor goes."""
    user = request.user
    if not second_factor_required(user):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def second_factor_pending(request: HttpRequest, user: AbstractBaseUser) -> bool:
    """Whether a login that has just passed the password still awaits its code."""
    return second_factor_required(user) and not request.session.get(DEVICE_ID_SESSION_KEY)


def second_factor_enrolled(user: User) -> bool:
    """Whether this person has a confirmed authenticator."""
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def second_factor_device_for_enrolment(*, user: User, device_id: Any) -> TOTPDevice:
    """The authenticator being set up: the unconfirmed one this session started
    (the page may be reloaded, the QR code must stay the same), or a new one,
    which replaces any left over from an earlier, unfinished setup."""
    if isinstance(device_id, int):
        device = TOTPDevice.objects.filter(user=user, pk=device_id, confirmed=False).first()
        if device is not None:
            return device
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def normalise_code(code: str) -> str:
    """A code as typed, without the spaces and dashes people add, in lower case."""
    return re.sub(r"[\s-]", "", code).lower()


@transaction.atomic
def second_factor_enrol(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the authenticator with its first code and make new backup codes.

    Returns the backup codes, to be shown once (only their use is checked later),
    or None if the code is wrong."""
    if not device.verify_token(normalise_code(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()
    StaticDevice.objects.filter(user_id=device.user_id).delete()
    backup = StaticDevice.objects.create(user_id=device.user_id, name="Backup codes")
    codes = [StaticToken.random_token() for _ in range(settings.STAFF_OTP_BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


def second_factor_wait(*, user: User, code: str) -> datetime.timedelta | None:
    """How long the device this code is for still refuses codes after wrong
    ones (django-otp doubles the pause with each), or None if it takes codes."""
    device = _device_for(user, normalise_code(code), for_verify=False)
    if device is None:
        return None
    allowed, details = device.verify_is_allowed()
    if allowed or not details or "locked_until" not in details:
        return None
    locked_until: datetime.datetime = details["locked_until"]
    return max(locked_until - timezone.now(), datetime.timedelta(seconds=1))


@transaction.atomic
def second_factor_verify(*, user: User, code: str) -> Device | None:
    """The device that accepts this code, or None.

    Six digits are the authenticator's current code (each accepted once); any
    other code is a backup code, used up when it is accepted. Telling them apart
    by their form keeps a typo in one from counting against the other."""
    code = normalise_code(code)
    device = _device_for(user, code, for_verify=True)
    if device is None or not device.verify_token(code):
        return None
    return device


def _device_for(user: User, code: str, *, for_verify: bool) -> TOTPDevice | StaticDevice | None:
    model: type[TOTPDevice] | type[StaticDevice] = (
        TOTPDevice if TOTP_CODE.match(code) else StaticDevice
    )
    devices = model.objects.filter(user=user, confirmed=True)
    if for_verify:
        devices = devices.select_for_update()
    return devices.first()


@transaction.atomic
def second_factor_reset(*, user: User) -> int:
    """Remove this person's authenticator and backup codes: their next visit to
    the admin asks them to enrol again, and a session that passed with a removed
    device no longer counts as passed. Returns how many devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    return removed


def secret_text(device: TOTPDevice) -> str:
    """The key as people type it into an authenticator app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The key's otpauth:// address as a QR code, an SVG image in a data: URI
    (the Content Security Policy allows data: images, and no script is needed)."""
    return str(segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2))

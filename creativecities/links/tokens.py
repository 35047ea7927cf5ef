"""Signed links that prove a person reads the mailbox they gave.

A confirmation link carries the account's id and a fingerprint of its state
(active or not, last login). Confirming activates the account and logs it in,
which changes both, so a link works once without storing anything; a link
older than `CONFIRMATION_MAX_AGE` has expired.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

from django.contrib.auth import get_user_model
from django.utils.crypto import salted_hmac

from creativecities.links.signed import SignedLinkError, sign, unsign

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User


# Named when the links were the directory's: links already mailed keep working.
CONFIRMATION_SALT = "directory.confirm-email"
CONFIRMATION_MAX_AGE = datetime.timedelta(days=3)

LinkProblem = Literal["invalid", "expired", "used"]


class ConfirmationLinkError(Exception):
    """Why a confirmation link cannot be used, and whose it was when that is known."""

    def __init__(self, reason: LinkProblem, user: User | None = None) -> None:
        super().__init__(reason)
        self.reason: LinkProblem = reason
        self.user = user


def _account_state(user: User) -> str:
    last_login = user.last_login.timestamp() if user.last_login else ""
    value = f"{user.pk}|{user.email}|{user.is_active}|{last_login}"
    return salted_hmac(CONFIRMATION_SALT, value).hexdigest()[:24]


def confirmation_token(user: User) -> str:
    return sign({"user": user.pk, "state": _account_state(user)}, purpose=CONFIRMATION_SALT)


def _payload(token: str, max_age: datetime.timedelta | None) -> dict[str, object]:
    data = unsign(token, purpose=CONFIRMATION_SALT, max_age=max_age)
    if not isinstance(data, dict):
        raise SignedLinkError("invalid")
    return data


def _user(data: dict[str, object]) -> User | None:
    pk = data.get("user")
    if not isinstance(pk, int):
        return None
    return get_user_model()._default_manager.filter(pk=pk).first()


def confirmation_user(token: str) -> User:
    """The inactive account a fresh, unused link confirms.

    Raises `ConfirmationLinkError` saying whether the link is invalid (tampered
    with, or its account is gone), expired or already used.
    """
    try:
        data = _payload(token, CONFIRMATION_MAX_AGE)
    except SignedLinkError as problem:
        owner = confirmation_link_owner(token) if problem.reason == "expired" else None
        raise ConfirmationLinkError(problem.reason, owner) from None
    user = _user(data)
    if user is None:
        raise ConfirmationLinkError("invalid")
    if user.is_active or data.get("state") != _account_state(user):
        raise ConfirmationLinkError("used", user)
    return user


def confirmation_link_owner(token: str) -> User | None:
    """Whose link this is, however old, so that an expired link can ask for a
    new one without the person typing their address again."""
    try:
        return _user(_payload(token, None))
    except SignedLinkError:
        return None

"""Signed links: a payload in the link, its signature the proof, nothing stored.

For links that name something and may expire (a confirmation, a subscription's
stop link, a page that shows what was just sent). Each purpose signs with its
own salt, so a link made for one purpose opens nothing of another. Reading a
link says why it cannot be used: `invalid` (tampered with, cut, of another
purpose) or `expired`.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.core import signing

SignedProblem = Literal["invalid", "expired"]


class SignedLinkError(Exception):
    """A signed token that cannot be read, and why."""

    def __init__(self, reason: SignedProblem = "invalid") -> None:
        super().__init__(reason)
        self.reason: SignedProblem = reason


def sign(payload: Any, *, purpose: str) -> str:
    """The token of a link carrying `payload` (JSON: numbers, strings, lists, dicts)."""
    return signing.dumps(payload, salt=purpose)


def unsign(token: str, *, purpose: str, max_age: datetime.timedelta | int | None = None) -> Any:
    """The payload of a token of `purpose` no older than `max_age` (any age when
    None); raises `SignedLinkError`."""
    try:
        return signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        raise SignedLinkError("expired") from None
    except signing.BadSignature:
        raise SignedLinkError("invalid") from None

"""Signed links of following: confirm an address, stop following.

A confirmation link carries the follower's id and address and lasts
`CONFIRM_MAX_AGE`; confirming twice is harmless. An unsubscribe link lasts as
long as the follower does: it is in every mail, and an old mail must still
stop the mails. Neither is stored: the signature is the proof.
"""

from __future__ import annotations

import datetime

from django.core import signing

from actionplan.models import Follower

CONFIRM_SALT = "actionplan.follow-confirm"
UNSUBSCRIBE_SALT = "actionplan.follow-unsubscribe"
CONFIRM_MAX_AGE = datetime.timedelta(days=3)


def _token(follower: Follower, salt: str) -> str:
    return signing.dumps({"f": follower.pk, "e": follower.email.casefold()}, salt=salt)


def _follower(token: str, salt: str, max_age: datetime.timedelta | None) -> Follower | None:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("f"), int):
        return None
    follower = Follower.objects.filter(pk=data["f"]).select_related("action").first()
    if follower is None or follower.email.casefold() != data.get("e"):
        return None
    return follower


def confirm_token(follower: Follower) -> str:
    return _token(follower, CONFIRM_SALT)


def unsubscribe_token(follower: Follower) -> str:
    return _token(follower, UNSUBSCRIBE_SALT)


def follower_to_confirm(token: str) -> Follower | None:
    """The follower a fresh confirmation link names, or None (tampered, expired, gone)."""
    return _follower(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def follower_to_unsubscribe(token: str) -> Follower | None:
    return _follower(token, UNSUBSCRIBE_SALT, None)

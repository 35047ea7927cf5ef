"""The actions a person follows by email, for their download and their
account's deletion (`creativecities.panels.personal_data`)."""

from __future__ import annotations

from typing import Any

from actionplan.models import Follower
from directory.models import User


def _following(user: User) -> Any:
    return Follower.objects.filter(email__iexact=user.email)


def following_of(user: User) -> list[dict[str, Any]]:
    followers = _following(user).select_related("action").order_by("created_at", "pk")
    return [
        {
            "action": str(follower.action),
            "email": follower.email,
            "language": follower.language,
            "asked": follower.created_at,
            "confirmed": follower.confirmed_at,
        }
        for follower in followers
    ]


def following_forget(user: User) -> None:
    _following(user).delete()

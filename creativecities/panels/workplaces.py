"""Workplaces other apps open to some accounts (the plan's workspace for a
partner city's team), so the core never imports them.

An app registers a callable `(user) -> Workplace | None` in its
`AppConfig.ready()`. The portal then, for each account with a workplace:
sends it there after logging in (unless it asked for another page; desk
staff land on the admin's home, the desk's workbench); links it from the account menu of
the header; and says on the account page where the account belongs and in
which role, beside (or instead of) the organisations of the directory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User


@dataclass(frozen=True)
class Workplace:
    """Where an account works besides the directory, as people read it."""

    label: str  # the link's text: "Plan workspace"
    url: str
    belongs_to: str  # the team: "Comune di Genova"
    role: str  # the account's role there: "Viewer (read only)"


WorkplaceProvider = Callable[["User"], Workplace | None]

_registry: list[WorkplaceProvider] = []


def register_workplace(provider: WorkplaceProvider) -> WorkplaceProvider:
    """Add a provider (once, however often `ready()` runs); usable as a decorator."""
    if provider not in _registry:
        _registry.append(provider)
    return provider


def workplaces_for(user: User) -> list[Workplace]:
    """The workplaces of a logged-in, active account, in registration order."""
    if not (user.is_authenticated and user.is_active):
        return []
    return [place for provider in _registry if (place := provider(user)) is not None]


# How long the header's account menu may lag a new or ended membership.
MENU_SECONDS = 60


def menu_workplaces(user: User) -> list[Workplace]:
    """`workplaces_for` as the header's account menu shows it on every page a
    person sees while logged in: kept a minute per account and language (a new
    membership shows within that minute, and a workplace checks its own
    permissions), where reading it cost a query on every page. The account
    page and the landing after login read it afresh."""
    if not (user.is_authenticated and user.is_active):
        return []
    key = f"panels:workplaces:{user.pk}:{get_language()}"
    places: list[Workplace] | None = cache.get(key)
    if places is None:
        places = workplaces_for(user)
        cache.set(key, places, MENU_SECONDS)
    return places


def landing_for(user: User) -> str | None:
    """Where the account goes after logging in when it asked for no page: the
    desk's workbench (the admin's home, which asks staff for their second factor
    first) for staff; else its first workplace; None (the portal's default) for
    accounts without one."""
    if user.is_staff:
        return reverse("admin:index")
    places = workplaces_for(user)
    return places[0].url if places else None

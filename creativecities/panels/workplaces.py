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

from django.urls import reverse

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


def landing_for(user: User) -> str | None:
    """Where the account goes after logging in when it asked for no page: the
    desk's workbench (the admin's home, which asks staff for their second factor
    first) for staff; else its first workplace; None (the portal's default) for
    accounts without one."""
    if user.is_staff:
        return reverse("admin:index")
    places = workplaces_for(user)
    return places[0].url if places else None

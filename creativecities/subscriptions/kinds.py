"""The kinds of subscription the apps declare, each once, in their `plugs.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

from creativecities.subscriptions.models import Cadence

if TYPE_CHECKING:
    from creativecities.subscriptions.models import Subscription


@dataclass(frozen=True)
class SubscriptionKind:
    """What a kind of subscription adds to the shared flow.

    `name` is in its links (`/subscriptions/<name>/confirm/...`) and is the
    model's `kind`. `scope` names the model's fields which, with the address
    (whatever its case), make one subscriber: none for the desk's alerts (one
    subscription per address), `("action",)` for following an action.
    `replaces_confirmed`: a new request waits beside the confirmed row and
    replaces it once confirmed (a change of what is followed); otherwise an
    address already confirmed is sent nothing. `pages` is the folder of the
    kind's four pages (`confirm.html`, `confirmed.html`, `unsubscribe.html`,
    `unsubscribed.html`), each given `subscription`; `confirm_mail` the
    template of the confirmation mail; `start_url` and `start_label` where to
    subscribe again, linked from the page of a link that cannot be used.
    `cadences`: what a subscriber may choose, the first the default.
    `read_legacy(purpose, token)` reads links mailed before the shared flow
    (`"confirm"` or `"stop"`): the subscription, or None. `digest(subscription_id=)`
    writes one subscriber's digest if it is due (`digests.py`); a kind whose
    cadences include one must name it.
    """

    name: str
    model: type[Subscription]
    pages: str
    confirm_mail: str
    start_url: str
    start_label: str | Promise
    scope: tuple[str, ...] = ()
    replaces_confirmed: bool = False
    cadences: tuple[Cadence, ...] = (Cadence.IMMEDIATE,)
    read_legacy: Callable[[str, str], Subscription | None] | None = None
    digest: Callable[..., bool] | None = None

    def same_subscriber(self, subscription: Subscription) -> dict[str, Any]:
        """The lookup of every row of the same subscriber as `subscription`."""
        lookup: dict[str, Any] = {}
        for name in self.scope:
            attname = getattr(self.model._meta.get_field(name), "attname", name)
            lookup[attname] = getattr(subscription, attname)
        lookup["email__iexact"] = subscription.email.strip()
        return lookup


_KINDS: dict[str, SubscriptionKind] = {}


def register_kind(kind: SubscriptionKind) -> None:
    """Declare a kind (from an app's `plug()`); declaring it again replaces it."""
    if getattr(kind.model, "kind", kind.name) != kind.name:
        raise ValueError(f"{kind.model.__name__}.kind is not {kind.name!r}")
    if kind.digest is None and any(cadence != Cadence.IMMEDIATE for cadence in kind.cadences):
        raise ValueError(f"{kind.name!r} offers a digest cadence but names no digest")
    _KINDS[kind.name] = kind


def kind_named(name: str) -> SubscriptionKind | None:
    return _KINDS.get(name)


def kind_of(subscription: Subscription) -> SubscriptionKind:
    return _KINDS[type(subscription).kind]


def registered_kinds() -> list[SubscriptionKind]:
    return list(_KINDS.values())

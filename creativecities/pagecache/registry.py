"""What the apps declare to the page cache, each in its one plug-in place.

Three things, all at start-up (an app's `ready()`):

- which pages are kept, by URL name, and the kinds of content each shows
  (`cache_views({"directory:list": ("organisations", "sectors")})`); an app
  may add kinds to another app's page where it contributes to it (a panel on
  the sector page), so a view's kinds are the union of every declaration;
- which models hold each kind (`watch(Organisation, "organisations")`): a save,
  a deletion or a change of a many-to-many relation of one of them bumps the
  kind's version once the transaction commits (`versions`);
- which request headers change a page besides its address (`vary_on_header`),
  so that they are part of its key.

Every page also shows the kind `SITE` (the header and the footer: the desk's
contacts, the survey's link), without naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

#: The content of every page's header and footer.
SITE = "site"

_views: dict[str, frozenset[str]] = {}
_lifetimes: dict[str, int] = {}
_models: dict[type[models.Model], frozenset[str]] = {}
_headers: list[str] = []


def cache_views(views: Mapping[str, Iterable[str]], *, seconds: int | None = None) -> None:
    """Keep the pages of these views (URL names) for anonymous visitors, each
    invalidated when one of its kinds of content changes. `seconds` shortens
    how long they are kept at most, for a page that also changes with the clock
    (a call's status at its deadline)."""
    for name, kinds in views.items():
        _views[name] = _views.get(name, frozenset({SITE})) | frozenset(kinds)
        if seconds is not None:
            _lifetimes[name] = min(seconds, _lifetimes.get(name, seconds))


def watch(model: type[models.Model], *kinds: str) -> None:
    """Bump `kinds` whenever a row of `model` is saved or deleted, or one of its
    many-to-many relations changes, whatever path wrote it."""
    concrete = model._meta.concrete_model or model
    _models[concrete] = _models.get(concrete, frozenset()) | frozenset(kinds)
    # Every model is loaded before any app is ready: the watched one and its
    # proxies (whose saves are sent as the proxy's) are all known here. A
    # receiver for every sender instead would cost every other model its fast
    # bulk deletion (Django reads the rows first when a deletion has a listener).
    for sender in apps.get_models(include_auto_created=False):
        if sender._meta.concrete_model is concrete:
            uid = f"pagecache:{sender._meta.label}"
            post_save.connect(_changed, sender=sender, dispatch_uid=uid, weak=False)
            post_delete.connect(_changed, sender=sender, dispatch_uid=uid, weak=False)
    m2m_changed.connect(_relation_changed, dispatch_uid="pagecache:relations", weak=False)


def vary_on_header(*names: str) -> None:
    """Requests that differ in these headers get pages of their own (the
    directory's script asks for its results alone with `X-Partial`)."""
    for name in names:
        meta = "HTTP_" + name.upper().replace("-", "_")
        if meta not in _headers:
            _headers.append(meta)


def kinds_of(view_name: str) -> frozenset[str] | None:
    """The kinds of content the view's pages show; None if they are not kept."""
    return _views.get(view_name)


def lifetime(view_name: str, default: int) -> int:
    return _lifetimes.get(view_name, default)


def headers() -> tuple[str, ...]:
    """The `request.META` names of the headers pages vary on."""
    return tuple(_headers)


def views() -> dict[str, frozenset[str]]:
    return dict(_views)


def watched_kinds() -> frozenset[str]:
    """Every kind some model holds (and so can be bumped)."""
    return frozenset().union(*_models.values()) if _models else frozenset()


def kinds_of_model(model: type[models.Model]) -> frozenset[str]:
    return _models.get(model._meta.concrete_model or model, frozenset())


def _changed(sender: type[models.Model], **kwargs: Any) -> None:
    kinds = kinds_of_model(sender)
    if kinds:
        from creativecities.pagecache.versions import bump_after_commit

        bump_after_commit(*kinds, using=kwargs.get("using"))


def _relation_changed(sender: Any, instance: models.Model, action: str, **kwargs: Any) -> None:
    """A relation changes the content of both ends (an organisation's sectors)."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    kinds = kinds_of_model(type(instance)) | kinds_of_model(kwargs["model"])
    if kinds:
        from creativecities.pagecache.versions import bump_after_commit

        bump_after_commit(*kinds, using=kwargs.get("using"))

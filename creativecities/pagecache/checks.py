"""System checks of the page cache's declarations and backend.

A declared page whose URL name no longer exists, or a kind no model bumps,
would silently keep nothing or keep a page forever: both are errors. A server
(DEBUG off) whose pages sit in each process's own memory would serve a
change in the process that made it and the old page in the others: a warning
of `check --deploy`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core import checks
from django.urls import URLPattern, URLResolver, get_resolver

from creativecities.pagecache import registry

LOCAL_BACKENDS = ("django.core.cache.backends.locmem.LocMemCache",)


def url_names(patterns: list[Any] | None = None, namespace: str = "") -> Iterator[str]:
    """Every URL name of the portal, with its namespaces (`directory:list`)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


@checks.register(checks.Tags.caches)
def check_declarations(**kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    names = set(url_names())
    bumped = registry.watched_kinds()
    for view, kinds in sorted(registry.views().items()):
        if view not in names:
            errors.append(
                checks.Error(
                    f"The page cache keeps the view {view!r}, which no URL is named.",
                    hint="Declare its current URL name in the app's page-cache module.",
                    id="pagecache.E001",
                )
            )
        for kind in sorted(kinds - bumped):
            errors.append(
                checks.Error(
                    f"The view {view!r} shows the kind {kind!r}, which no watched model bumps: "
                    "its pages would never change.",
                    hint="Watch the models that hold it (pagecache.watch).",
                    id="pagecache.E002",
                )
            )
    return errors


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_backend(**kwargs: Any) -> list[checks.CheckMessage]:
    if not settings.PAGE_CACHE or settings.DEBUG:
        return []
    if settings.CACHES["pages"]["BACKEND"] in LOCAL_BACKENDS:
        return [
            checks.Warning(
                "Pages are cached in each process's own memory: with several app processes, "
                "a change shows at once only in the one that made it.",
                hint="Set DJANGO_PAGE_CACHE_URL to a Redis server every app process shares "
                "(redis://host:6379/2), or DJANGO_PAGE_CACHE=false.",
                id="pagecache.W001",
            )
        ]
    return []

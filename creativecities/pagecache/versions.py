"""A version per kind of content, kept in the page cache beside the pages.

A kept page records the version of each kind it shows, read *before* it was
rendered; it is served again only while every one of them is unchanged. A
change bumps its kinds once its transaction commits: a page rendered from the
rows before the commit was stored under the old version and is never served
after the bump, and a rolled-back write bumps nothing.

A version is a random token rather than a counter: a version key lost to the
cache (evicted, a restarted Redis) reads as missing, matches no stored page and
is made afresh, so no page can come back under a number it once had. Every
process sharing the cache (Redis, in production) sees a bump at once.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.cache import BaseCache, caches
from django.db.transaction import on_commit

from creativecities.pagecache import registry

logger = logging.getLogger(__name__)

#: The cache alias of the pages and the versions (`CACHES["pages"]`).
ALIAS = "pages"
PREFIX = "v:"


def page_cache() -> BaseCache:
    return caches[ALIAS]


def key(kind: str) -> str:
    return PREFIX + kind


def _token() -> str:
    return secrets.token_hex(6)


def current(kinds: Iterable[str], cache: BaseCache | None = None) -> dict[str, str | None]:
    """The versions of `kinds` now, by version key; a missing one is made (None
    if the cache lost it again at once: then no page may be stored)."""
    cache = cache or page_cache()
    keys = [key(kind) for kind in kinds]
    found: dict[str, str | None] = cache.get_many(keys)
    for missing in set(keys) - set(found):
        # `add` keeps the token another process may have made meanwhile.
        cache.add(missing, _token(), timeout=None)
        found[missing] = cache.get(missing)
    return found


def version(kind: str) -> str:
    """The version of one kind, for a cache under the pages that must follow
    its changes (the cluster's figures follow the organisations)."""
    return current([kind])[key(kind)] or _token()


def view_version(view_name: str) -> str:
    """One value that changes whenever a kind of content the view's pages
    show changes (`registry.cache_views`): a fragment kept under it follows the
    page, for a visitor the page cache does not answer too."""
    kinds = sorted(registry.kinds_of(view_name) or {registry.SITE})
    found = current(kinds)
    return ".".join(found[key(kind)] or _token() for kind in kinds)


def site_version(request: Any) -> str:
    """The site's version (`registry.SITE`) as this request first read it: the
    header's navigation is kept under it, and the view reading the page's
    fragments at once (`creativecities.fragments`) names the same key."""
    found: str | None = getattr(request, "_page_cache_site_version", None)
    if found is None:
        found = version(registry.SITE)
        request._page_cache_site_version = found
    return found


def bump(*kinds: str) -> None:
    """Every page showing one of `kinds` is rendered afresh on its next request."""
    if not kinds:
        return
    try:
        page_cache().set_many({key(kind): _token() for kind in set(kinds)}, timeout=None)
    except Exception:
        # The change is saved; pages showing it may be served as they were
        # until they expire (PAGE_CACHE_SECONDS) if the cache kept them.
        logger.error("The page cache could not be told of a change to %s.", sorted(kinds))


def bump_after_commit(*kinds: str, using: str | None = None) -> None:
    """Bump `kinds` when the current transaction commits (at once outside one)."""
    on_commit(partial(bump, *kinds), using=using)


def bump_everything() -> None:
    """Every kept page is stale: after a migration or a bulk load that sends no
    signal (the demo data), and on a new release (templates may differ). Every
    page shows the site's kind, so bumping it is enough; the others are bumped
    too, for the caches under the pages that follow one of them."""
    bump(registry.SITE, *registry.watched_kinds())

"""The page cache: anonymous visitors' pages answered from a cache before any
other middleware, each kept until the content it shows changes.

Apps declare, in their one plug-in place, the pages kept (by URL name) with
the kinds of content each shows, and the models that hold each kind
(`registry`). A version per kind lives in the cache beside the pages and is
bumped when a transaction that changed such a model commits (`versions`); the
middleware (`middleware`, first in `MIDDLEWARE`) answers a kept page while the
versions it was made under are current. The backend is the `pages` cache
alias: local memory by default (one process), Redis in production
(`DJANGO_PAGE_CACHE_URL`), so that every app process sees a change at once.
"""

from typing import Any

from django.db.models.signals import post_migrate

from creativecities.pagecache import checks as checks
from creativecities.pagecache.middleware import PageCacheMiddleware
from creativecities.pagecache.registry import SITE, cache_views, vary_on_header, watch
from creativecities.pagecache.versions import (
    bump,
    bump_after_commit,
    bump_everything,
    version,
    view_version,
)

__all__ = [
    "SITE",
    "PageCacheMiddleware",
    "bump",
    "bump_after_commit",
    "bump_everything",
    "cache_views",
    "vary_on_header",
    "version",
    "view_version",
    "watch",
]


def _migrated(**kwargs: Any) -> None:
    """A migration may change content without a signal, and comes with a new
    release whose templates may differ: no page kept before it is served."""
    bump_everything()


post_migrate.connect(_migrated, dispatch_uid="pagecache:migrated", weak=False)

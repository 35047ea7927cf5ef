"""Whether a campaign is open now, for the header's "Survey" link.

Every page draws the header, and most pages have a budget of queries that a
header must not spend. So the opening and closing times of the campaigns not
yet closed are kept in the cache (for an hour, and written again whenever
staff save or copy a campaign) and compared with the clock on each page, so a
campaign opens and closes on time. Only the home page and the survey's own
pages read the database when the cache is cold; elsewhere a cold cache shows
no link until one of them has been visited.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone

CACHE_KEY = "survey:schedule"
KEEP_FOR = 3600

Windows = list[tuple[datetime.datetime, datetime.datetime]]


def refresh() -> Windows:
    """Read the schedule from the database and keep it."""
    from survey.models import Campaign

    windows: Windows = list(
        Campaign.objects.filter(closes_at__gt=timezone.now()).values_list("opens_at", "closes_at")
    )
    cache.set(CACHE_KEY, windows, KEEP_FOR)
    return windows


def any_open(*, may_query: bool) -> bool:
    """Whether a campaign is open now; with a cold cache, False unless
    `may_query`."""
    windows: Windows | None = cache.get(CACHE_KEY)
    if windows is None:
        if not may_query:
            return False
        windows = refresh()
    now = timezone.now()
    return any(opens <= now < closes for opens, closes in windows)

"""The cluster's figures: published organisations by sector, kind, place and time.

Computed in a handful of aggregate queries and cached per language (labels
are translated) until an organisation changes, for ten minutes at most (time
alone moves a profile out of the listing), so the page costs nothing under load.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, TruncQuarter
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from creativecities import charts, pagecache
from directory.models import Municipality, Organisation, Sector
from directory.page_cache import ORGANISATIONS

CACHE_SECONDS = 600
TOP_MUNICIPALITIES = 10


def cache_key(language: str | None = None) -> str:
    """Per language, and new with each change of an organisation (the version
    the page cache keeps for them, shared by every process)."""
    return (
        f"directory:cluster-figures:{language or get_language()}:{pagecache.version(ORGANISATIONS)}"
    )


def cluster_figures() -> dict[str, Any]:
    """The figures in the active language, from the cache when fresh."""
    figures = cache.get_or_set(cache_key(), compute, CACHE_SECONDS)
    return figures if figures is not None else compute()


def compute() -> dict[str, Any]:
    published = Organisation.objects.published()
    total = published.count()
    if not total:
        return {"total": 0}
    by_sector = by_sectors(published)
    by_kind = by_kinds(published)
    by_place, in_genoa = by_municipality(published)
    growth = growth_by_quarter(published)
    return {
        "total": total,
        "in_genoa": in_genoa,
        "elsewhere": total - in_genoa,
        "by_sector": charts.bar_chart(by_sector),
        "by_kind": charts.bar_chart(by_kind),
        "by_municipality": charts.bar_chart(by_place),
        "growth": charts.line_chart(growth),
    }


def by_sectors(published: Any) -> list[tuple[str, int]]:
    """Every sector in its order; an organisation counts in each of its sectors."""
    sectors = Sector.objects.annotate(
        count=Count("organisations", filter=Q(organisations__in=published.values("pk")))
    ).order_by("order", "slug")
    return [(sector.name, sector.count) for sector in sectors]


def by_kinds(published: Any) -> list[tuple[str, int]]:
    counts = dict(published.order_by().values_list("kind").annotate(n=Count("pk")))
    return [(str(kind.label), counts.get(kind.value, 0)) for kind in Organisation.Kind]


def by_municipality(published: Any) -> tuple[list[tuple[str, int]], int]:
    """The ten places with most organisations, then the others together;
    and how many are in Genoa's municipi."""
    rows = list(
        published.order_by()
        .values("municipality__name", "municipality__kind")
        .annotate(n=Count("pk"))
        .order_by("-n", "municipality__order", "municipality__name")
    )
    in_genoa = sum(
        row["n"] for row in rows if row["municipality__kind"] == Municipality.Kind.GENOA_DISTRICT
    )
    items = [(row["municipality__name"], row["n"]) for row in rows[:TOP_MUNICIPALITIES]]
    others = sum(row["n"] for row in rows[TOP_MUNICIPALITIES:])
    if others:
        items.append((_("Other municipalities"), others))
    return items, in_genoa


def quarter_label(year: int, quarter: int) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def growth_by_quarter(published: Any) -> list[tuple[str, int]]:
    """Organisations published so far, quarter by quarter, up to the current one.

    Only profiles public today count, by the date they were first published.
    """
    rows = (
        published.order_by()
        .annotate(quarter=TruncQuarter(Coalesce("published_at", "created_at")))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by("quarter")
    )
    added = {(row["quarter"].year, (row["quarter"].month - 1) // 3 + 1): row["n"] for row in rows}
    first_year, first_quarter = min(added)
    now = timezone.localtime()
    current = (now.year, (now.month - 1) // 3 + 1)
    year, quarter = first_year, first_quarter
    points, running = [], 0
    while (year, quarter) <= max(current, max(added)):
        running += added.get((year, quarter), 0)
        points.append((quarter_label(year, quarter), running))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return points

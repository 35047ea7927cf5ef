"""Writes of the benchmark: a partner's value of an indicator for a year."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from actionplan.models import BenchmarkIndicator, BenchmarkValue
from actionplan.page_cache import BENCHMARK
from creativecities import pagecache
from directory.models import Partner, User


@transaction.atomic
def benchmark_value_record(
    *,
    indicator: BenchmarkIndicator,
    partner: Partner,
    year: int,
    value: Decimal,
    source: str,
    source_url: str = "",
    by: User | None,
) -> BenchmarkValue:
    """Record a partner's value for a year, or correct the one recorded.

    There is one value per indicator, partner and year (a constraint), so a
    second report for the same year replaces the figure and its source rather
    than adding a rival one. The row is locked while it is rewritten: two
    editors saving at once leave the last value, never an error page.
    Who may record is the caller's check (`can_report_benchmark`).
    """
    existing = (
        BenchmarkValue.objects.select_for_update()
        .filter(indicator=indicator, partner=partner, year=year)
        .first()
    )
    entry = existing or BenchmarkValue(indicator=indicator, partner=partner, year=year)
    entry.value = value
    entry.source = source
    entry.source_url = source_url
    entry.recorded_by = by
    entry.recorded_at = timezone.now()
    entry.full_clean(validate_unique=existing is not None)
    if existing is None:
        # A value inserted by someone else since the read above: take it over.
        BenchmarkValue.objects.bulk_create(
            [entry],
            update_conflicts=True,
            unique_fields=["indicator", "partner", "year"],
            update_fields=["value", "source", "source_url", "recorded_by", "recorded_at"],
        )
        # A bulk insert sends no signal: the benchmark's kept pages are told here.
        pagecache.bump_after_commit(BENCHMARK)
        return BenchmarkValue.objects.get(indicator=indicator, partner=partner, year=year)
    entry.save()
    return entry

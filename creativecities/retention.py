"""How long the portal keeps records that name people, applied daily by
`manage.py apply_retention`. Each period is a setting (see settings.py). The
core's own records:

- the mail log (`OutgoingEmail`, sent or failed): `RETENTION_MAIL_LOG_MONTHS` (12),
  then deleted;
- the history (`Version`, `StateChange`): `RETENTION_HISTORY_YEARS` (5), then deleted
  for an object that no longer exists, and kept without who made the change for one
  that does (a profile's past stays readable).

What the apps keep, each registers with its rule in its `plugs.py`
(`register_retention`): the directory's login records
(`RETENTION_LOGIN_RECORDS_DAYS`, 90 days), the survey's anonymous answer sets never
submitted (`RETENTION_SURVEY_DRAFTS_MONTHS`, 12, after their campaign closed).

Running it twice changes nothing the second time.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from creativecities.models import OutgoingEmail, StateChange, Version

DAYS_PER_MONTH = 30.44

# An app's rule: given the moment of the run, delete or anonymise what is past
# its period and return how many records it touched.
RetentionRule = Callable[[datetime.datetime], int]

_rules: dict[str, RetentionRule] = {}


def register_retention(name: str, rule: RetentionRule) -> None:
    """Add an app's rule to every run, its count reported under `name` (once,
    however often `ready()` runs: a second registration replaces the first)."""
    _rules[name] = rule


def months_ago(now: datetime.datetime, months: int) -> datetime.datetime:
    return now - datetime.timedelta(days=round(months * DAYS_PER_MONTH))


@dataclass(frozen=True)
class RetentionReport:
    """How many records of each kind were deleted or anonymised."""

    counts: Counter[str]

    def __str__(self) -> str:
        return ", ".join(f"{kind}: {count}" for kind, count in sorted(self.counts.items()))


def _forget_history(
    record: type[Version] | type[StateChange], cutoff: datetime.datetime
) -> tuple[int, int]:
    """Delete old records of objects that are gone; take the name off old
    records of objects that remain. Returns (deleted, anonymised)."""
    old = record.objects.filter(created_at__lt=cutoff)
    deleted = 0
    for content_type_id in old.values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        of_type = old.filter(content_type_id=content_type_id)
        if model is None:
            gone = of_type
        else:
            existing = model._default_manager.values("pk")
            gone = of_type.exclude(object_id__in=models.Subquery(existing))
        deleted += gone.delete()[0]
    anonymised = old.filter(created_by__isnull=False).update(created_by=None)
    return deleted, anonymised


@transaction.atomic
def retention_apply(*, now: datetime.datetime | None = None) -> RetentionReport:
    """Delete or anonymise every record older than its kind's period."""
    now = now or timezone.now()
    counts: Counter[str] = Counter()
    mail_cutoff = months_ago(now, settings.RETENTION_MAIL_LOG_MONTHS)
    counts["mail deleted"] = (
        OutgoingEmail.objects.filter(created_at__lt=mail_cutoff)
        .filter(status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED])
        .delete()[0]
    )
    history_cutoff = now - datetime.timedelta(days=round(settings.RETENTION_HISTORY_YEARS * 365.25))
    for record in (Version, StateChange):
        deleted, anonymised = _forget_history(record, history_cutoff)
        counts["history deleted"] += deleted
        counts["history anonymised"] += anonymised
    for name, rule in _rules.items():
        counts[name] += rule(now)
    return RetentionReport(counts)

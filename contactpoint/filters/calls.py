"""Filters of the public list of funding calls, all in the query string."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from contactpoint.models import CallStatus, FundingCall, FundingCallQuerySet
from creativecities.filtersets import SharedFormFilterSet
from directory.reference import reference
from directory.widgets import FastSelect

# Words past this are ignored (the portal's search cuts its own there too).
MAX_WORDS = 200

# "Open" means one can apply today: the calls closing soon are open too.
STATUS_FILTERS = {
    CallStatus.FORTHCOMING.value: [CallStatus.FORTHCOMING.value],
    CallStatus.OPEN.value: [CallStatus.OPEN.value, CallStatus.CLOSING.value],
    CallStatus.CLOSING.value: [CallStatus.CLOSING.value],
    CallStatus.CLOSED.value: [CallStatus.CLOSED.value],
}
STATUS_CHOICES = [
    (CallStatus.OPEN.value, _("Open (closing soon included)")),
    (CallStatus.CLOSING.value, CallStatus.CLOSING.label),
    (CallStatus.FORTHCOMING.value, CallStatus.FORTHCOMING.label),
    (CallStatus.CLOSED.value, CallStatus.CLOSED.label),
]


class FundingCallFilter(SharedFormFilterSet):
    """Filters over calls annotated by `FundingCallQuerySet.with_status()`."""

    q = django_filters.CharFilter(label=_("Words"), method="filter_words")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=_("Any status"),
        widget=FastSelect,
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        method="filter_sector",
        empty_label=_("All sectors"),
        widget=FastSelect,
    )
    funder = django_filters.ChoiceFilter(
        label=_("Funder"),
        choices=FundingCall.Funder.choices,
        empty_label=_("Any funder"),
        widget=FastSelect,
    )

    class Meta:
        model = FundingCall
        fields = ("q", "status", "sector", "funder")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Sectors come from the directory's cached reference data: the form
        and its validation cost no query."""
        super().__init__(*args, **kwargs)
        self.reference = reference()

    def choices(self) -> dict[str, Sequence[Any]]:
        return {"sector": [(sector.slug, sector.name) for sector in self.reference.sectors]}

    def choices_version(self) -> Hashable:
        return tuple((sector.slug, sector.name) for sector in self.reference.sectors)

    def filter_words(
        self, queryset: FundingCallQuerySet, name: str, value: str
    ) -> FundingCallQuerySet:
        """Calls whose texts hold every word (the last one as a prefix), in the
        list's own order: the portal's search links here with its words."""
        return queryset.matching(value[:MAX_WORDS])

    def filter_status(
        self, queryset: FundingCallQuerySet, name: str, value: str
    ) -> FundingCallQuerySet:
        return queryset.filter(Q(("status__in", STATUS_FILTERS[value])))

    def filter_sector(
        self, queryset: FundingCallQuerySet, name: str, value: str
    ) -> FundingCallQuerySet:
        sector = self.reference.sector_by_slug[value]
        # A subquery, not a join: each call stays one row.
        return queryset.filter(pk__in=FundingCall.objects.in_sector(sector).values("pk"))

    @property
    def active(self) -> bool:
        data: dict[str, Any] = self.form.cleaned_data if self.form.is_valid() else {}
        return any(data.get(name) for name in self.filters)

"""Filters of the public list and map of premises, all in the query string."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from contactpoint.models import Premises, PremisesQuerySet
from creativecities.filtersets import SharedFormFilterSet
from directory.widgets import FastSelect

ANY_AREA = "any"
# Words past this are ignored (the portal's search cuts its own there too).
MAX_WORDS = 200


class PremisesFilter(SharedFormFilterSet):
    q = django_filters.CharFilter(label=_("Words"), method="filter_words")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Premises.Kind.choices, empty_label=_("Any kind"), widget=FastSelect
    )
    area_min = django_filters.NumberFilter(
        label=_("Floor area from (m²)"),
        field_name="floor_area",
        lookup_expr="gte",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1}),
    )
    area_max = django_filters.NumberFilter(
        label=_("Floor area up to (m²)"),
        field_name="floor_area",
        lookup_expr="lte",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1}),
    )
    rent_min = django_filters.NumberFilter(
        label=_("Monthly rent from (€)"),
        field_name="monthly_rent",
        lookup_expr="gte",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 50}),
    )
    rent_max = django_filters.NumberFilter(
        label=_("Monthly rent up to (€)"),
        field_name="monthly_rent",
        lookup_expr="lte",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 50}),
        help_text=_("Premises whose rent is on request are left out."),
    )
    area = django_filters.ChoiceFilter(
        label=_("Urban regeneration area"),
        choices=[(ANY_AREA, _("In any regeneration area")), *Premises.RegenerationArea.choices],
        method="filter_area",
        empty_label=_("Anywhere"),
        widget=FastSelect,
    )

    class Meta:
        model = Premises
        fields = ("q", "kind", "area_min", "area_max", "rent_min", "rent_max", "area")

    def filter_words(self, queryset: PremisesQuerySet, name: str, value: str) -> PremisesQuerySet:
        """Premises whose texts hold every word, newest first as the list is:
        the portal's search links here with its words."""
        return queryset.matching(value[:MAX_WORDS])

    def filter_area(self, queryset: PremisesQuerySet, name: str, value: str) -> PremisesQuerySet:
        if value == ANY_AREA:
            return queryset.exclude(regeneration_area="")
        return queryset.filter(regeneration_area=value)

    @property
    def active(self) -> bool:
        data: dict[str, Any] = self.form.cleaned_data if self.form.is_valid() else {}
        return any(data.get(name) not in (None, "") for name in self.filters)

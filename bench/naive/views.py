"""The directory's list, search and profile as a team first writes them, with
Django's generic views over the same tables and templates like the portal's:
a `FilterView` (django-filter) whose filter set is built afresh on every
request, Django's `Paginator` (an exact count and an offset), `SearchRank`
over every match, a `DetailView`; whole rows read, nothing kept in a cache.
The portal's figures are measured beside these (`bench/run.py`)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib.postgres.search import SearchRank
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from creativecities.lists.search import search_query
from directory.models import Municipality, Organisation, Sector


def published() -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        status=Organisation.Status.PUBLISHED,
        confirmed_at__gte=timezone.now() - Organisation.LAPSE_AFTER,
    ).select_related("primary_sector", "municipality")


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words"), method="search")
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), field_name="sectors", to_field_name="slug", queryset=Sector.objects.all()
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Place"), to_field_name="slug", queryset=Municipality.objects.all()
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organisation.Kind.choices)

    class Meta:
        model = Organisation
        fields = ("q", "sector", "municipality", "kind")

    def search(self, queryset: QuerySet[Organisation], name: str, value: str) -> Any:
        query = search_query(value)
        if query is None:
            return queryset
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "name")
        )


class OrganisationListView(FilterView):
    filterset_class = OrganisationFilter
    paginate_by = 20
    template_name = "naive/organisation_list.html"

    def get_queryset(self) -> QuerySet[Organisation]:
        return published().order_by("name")


class OrganisationDetailView(DetailView):  # type: ignore[type-arg]
    template_name = "naive/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self) -> QuerySet[Organisation]:
        return published().prefetch_related("sectors")

"""What a visitor can ask of the public directory, all of it in the URL's query string
so that a search can be bookmarked and shared."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from creativecities import pagecache
from creativecities.filtersets import SharedFormFilterSet
from creativecities.lists.pagination import (
    PER_PAGE,
    CappedPaginator,
    DeferredJoinPaginator,
    RankedPaginator,
    Shape,
)
from creativecities.lists.search import tsquery
from directory.models import Municipality, Organisation, OrganisationQuerySet
from directory.models.organisations import lapse_boundary
from directory.page_cache import ORGANISATIONS
from directory.reference import reference
from directory.widgets import FastInput, FastSelect

SORT_RELEVANCE = "relevance"
SORT_NAME = "name"
SORT_NEWEST = "newest"
SORT_CHOICES = [
    # The default: relevance when words are searched, otherwise by name.
    (SORT_RELEVANCE, _("Best match")),
    (SORT_NAME, _("Name")),
    (SORT_NEWEST, _("Newest in the directory")),
]
# Each order has its covering index (see the model's `Meta.indexes`).
ORDERINGS = {SORT_NAME: ("name", "id"), SORT_NEWEST: ("-created_at", "id")}

# The free text: drawn apart from the cached rest of the form.
SEARCH_FIELD = "q"
# Parameters that are not filters: removing them never widens a search.
NOT_FILTERS = {"sort", "page"}


# What each filter does with its value, once resolved (a sector's id, a place's,
# the words' tsquery): shared by the filters and by the results' compiled query
# (`OrganisationFilter.shape`), so that both ask the same.
FILTERS: dict[str, Callable[[OrganisationQuerySet, Any], OrganisationQuerySet]] = {
    "q": lambda queryset, raw: queryset.matching_tsquery(raw),
    "sector": lambda queryset, pk: queryset.filter(sectors=pk),
    "kind": lambda queryset, value: queryset.filter(kind__exact=value),
    "municipality": lambda queryset, pk: queryset.filter(municipality_id=pk),
    "size": lambda queryset, value: queryset.filter(size__exact=value),
    "international": lambda queryset, _value: queryset.filter(open_to_international=True),
}


class SearchInput(FastInput):
    input_type = "search"


class OrganisationFilter(SharedFormFilterSet):
    """Filters of the public directory over the published organisations given.

    Sectors and places are validated against the reference data (read from
    the cache, see `directory.reference`), which also fills the form and names
    each card's sector and place: a filtered page costs no query per filter.
    After `qs`, `matches` holds the filtered, unsorted queryset (for counting)
    and `words` the text searched, if it has any words.
    """

    q = django_filters.CharFilter(
        label=_("Search"),
        method="narrow",
        max_length=200,
        widget=SearchInput,
        help_text=_("Words in the name or description; the last word may be incomplete."),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        method="narrow",
        empty_label=_("All sectors"),
        widget=FastSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        method="narrow",
        choices=Organisation.Kind.choices,
        empty_label=_("All kinds"),
        widget=FastSelect,
    )
    municipality = django_filters.ChoiceFilter(
        label=_("Place"),
        method="narrow",
        empty_label=_("All places"),
        widget=FastSelect,
    )
    size = django_filters.ChoiceFilter(
        label=_("Size"),
        method="narrow",
        choices=Organisation.Size.choices,
        empty_label=_("Any size"),
        widget=FastSelect,
    )
    international = django_filters.BooleanFilter(
        label=_("Open to international cooperation"),
        method="narrow",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="keep", empty_label=None, widget=FastSelect
    )

    _queryset: OrganisationQuerySet | None

    def __init__(
        self,
        data: QueryDict | dict[str, str] | None = None,
        *args: Any,
        base: Callable[[datetime.datetime | None], OrganisationQuerySet] | None = None,
        **kwargs: Any,
    ) -> None:
        """`base(since)` makes the organisations filtered (the published ones, for a
        lapse boundary, or now's if None): given instead of a queryset, the results'
        query is compiled once per shape (`paginator`), and the queryset is only
        built if something asks for it."""
        self.base = base
        if isinstance(data, QueryDict):
            self.asked = data.copy()
        else:
            self.asked = QueryDict(mutable=True)
            self.asked.update(data or {})
        self.asked.pop("page", None)
        # No default sort goes into the data: the form would show it and send it
        # back with the next search, so typing words would keep sorting by name.
        lazy = base is not None and not args and kwargs.get("queryset") is None
        if lazy:
            kwargs["queryset"] = Organisation.objects.none()
        super().__init__(self.asked.copy(), *args, **kwargs)
        if lazy:
            self._queryset = None
        self.reference = reference()
        self.words: str | None = None
        self._matches: OrganisationQuerySet | None = None

    @property
    def queryset(self) -> OrganisationQuerySet:
        if self._queryset is None:
            if self.base is None:
                raise TypeError("An OrganisationFilter needs a queryset or a base.")
            self._queryset = self.base(None)
        return self._queryset

    @queryset.setter
    def queryset(self, value: OrganisationQuerySet | None) -> None:
        self._queryset = value

    @property
    def matches(self) -> OrganisationQuerySet:
        """After `qs`, the filtered, unsorted queryset (for counting)."""
        return self.queryset if self._matches is None else self._matches

    def choices(self) -> dict[str, Sequence[Any]]:
        """Sectors and places from the reference data: the form is built anew
        (once per process) when they change."""
        genoa = Municipality.Kind.GENOA_DISTRICT
        places = self.reference.places
        return {
            "sector": [(sector.slug, sector.name) for sector in self.reference.sectors],
            "municipality": [
                (_("Genoa"), [(slug, name) for _pk, slug, name, kind in places if kind == genoa]),
                (
                    _("Metropolitan city"),
                    [(slug, name) for _pk, slug, name, kind in places if kind != genoa],
                ),
            ],
        }

    def choices_version(self) -> Hashable:
        """The reference data's token: it changes whenever they may have."""
        return self.reference.token

    # Filters --------------------------------------------------------------

    def resolved(self, name: str, value: Any) -> tuple[bool, Any]:
        """Whether filter `name` narrows the results for this (valid, non-empty)
        value, and the value its query takes (`FILTERS`): a sector's or a place's
        id, the words' tsquery, None for a flag."""
        if name == SEARCH_FIELD:
            raw = tsquery(value)
            return raw is not None, raw
        if name == "sector":
            return True, self.reference.sector_by_slug[value].pk
        if name == "municipality":
            return True, self.reference.place_by_slug[value][0]
        if name == "international":
            return bool(value), None
        return True, value

    def narrow(self, queryset: OrganisationQuerySet, name: str, value: Any) -> OrganisationQuerySet:
        narrows, parameter = self.resolved(name, value)
        if name == SEARCH_FIELD:
            self.words = value if narrows else None
        return FILTERS[name](queryset, parameter) if narrows else queryset

    def keep(self, queryset: OrganisationQuerySet, name: str, value: str) -> OrganisationQuerySet:
        """Sorting happens once every filter is applied (see `filter_queryset`)."""
        return queryset

    # Results --------------------------------------------------------------

    @property
    def cleaned_data(self) -> dict[str, Any]:
        """The valid part of the request: a wrong value drops only its own filter."""
        self.form.is_valid()
        return dict(self.form.cleaned_data)

    @property
    def order(self) -> str:
        """The order asked for; relevance only makes sense with words to search."""
        chosen = self.cleaned_data.get("sort") or SORT_RELEVANCE
        if chosen == SORT_RELEVANCE and self.words is None:
            return SORT_NAME
        return str(chosen)

    @property
    def ranked(self) -> bool:
        return self.words is not None and self.order == SORT_RELEVANCE

    def filter_queryset(self, queryset: OrganisationQuerySet) -> OrganisationQuerySet:
        matches: OrganisationQuerySet = super().filter_queryset(queryset)
        self._matches = matches
        if self.ranked and self.words is not None:
            return matches.ranked(self.words)
        return matches.order_by(*ORDERINGS.get(self.order, ORDERINGS[SORT_NAME]))

    def paginator(self, per_page: int = PER_PAGE) -> CappedPaginator[Organisation]:
        """The results' pages: ranked a page at a time in one query, or chosen
        by id and read as cards. With a `base`, the query is compiled once per
        process and shape of the search (`shape`) rather than on every request."""
        shape = None if self.base is None else self.shape(self.base)
        results = None if shape is not None else self.qs
        if self.ranked:
            return RankedPaginator(results, per_page, shape=shape)
        return DeferredJoinPaginator(
            results,
            per_page,
            rows=Organisation.objects.for_cards(),
            count_queryset=self.matches if shape is None else None,
            count_key=self.count_key,
            shape=shape,
        )

    def shape(
        self, base: Callable[[datetime.datetime | None], OrganisationQuerySet]
    ) -> Shape[Organisation]:
        """The results' query by shape: which filters are used and the order make
        its key; their values, resolved as the filters resolve them, and the
        lapse boundary are its parameters. Built as `qs` builds it, filter by
        filter in the form's order (`FILTERS`)."""
        data = self.cleaned_data
        used: list[str] = []
        values: dict[str, Any] = {"since": lapse_boundary()}
        for name, value in data.items():
            if value in EMPTY_VALUES or name in NOT_FILTERS:
                continue
            narrows, parameter = self.resolved(name, value)
            if narrows:
                used.append(name)
                if parameter is not None:  # a flag is in the key, not in the values
                    values[name] = parameter
        self.words = data.get(SEARCH_FIELD) if SEARCH_FIELD in used else None
        ranked = self.ranked
        order = ORDERINGS.get(self.order, ORDERINGS[SORT_NAME])

        def build(values: Mapping[str, Any]) -> OrganisationQuerySet:
            queryset = base(values["since"])
            for name in used:
                queryset = FILTERS[name](queryset, values.get(name))
            if ranked:
                ranked_queryset: OrganisationQuerySet = queryset.ranked_tsquery(
                    values[SEARCH_FIELD]
                )
                return ranked_queryset
            ordered: OrganisationQuerySet = queryset.order_by(*order)
            return ordered

        return Shape(Organisation, ("directory", base, tuple(used), ranked, order), values, build)

    @property
    def count_key(self) -> str | None:
        """Where the count of a search without words is kept: such searches are
        few (the choices' combinations), and the same for every visitor. It
        changes with any edit of an organisation (`ORGANISATIONS`' version);
        the sectors and places are in it by their slugs."""
        if self.words is not None or self.searched:
            return None
        filters = self.form_key
        if filters is None:
            return None
        kept = "&".join(part for part in filters.split("&") if part.split("=")[0] != "sort")
        return f"directory:list-count:{kept}:{pagecache.version(ORGANISATIONS)}"

    def attach(self, organisations: list[Organisation]) -> list[Organisation]:
        """Give each card its sector and place from the rows the form already read,
        instead of joining them again in the page's query."""
        for organisation in organisations:
            organisation.primary_sector = self.reference.sector(organisation.primary_sector_id)
            organisation.municipality = self.reference.place(organisation.municipality_id)
        return organisations

    @property
    def form_key(self) -> str | None:
        """What the rendered form, but for its search box, depends on besides the
        language, or None when it should not be cached.

        Only valid choices make a key, so that the number of cached forms stays
        bounded whatever addresses visitors (or crawlers) ask for: the words
        searched are not part of it, the search box being drawn on every page
        (`SEARCH_FIELD`, `directory/includes/filter_form.html`); parameters that
        are not filters do not count.
        """
        if not self.form.is_valid():
            return None
        known = {name: self.data.get(name, "") for name in self.form.fields if name != SEARCH_FIELD}
        return "&".join(f"{name}={value}" for name, value in sorted(known.items()) if value)

    @property
    def searched(self) -> str:
        """The words searched, as typed, for the page to repeat."""
        return str(self.cleaned_data.get("q") or "").strip()

    def active_filters(self) -> list[dict[str, str]]:
        """Each filter in use, its value as shown in the form, and the query string
        of the same search without it: the empty state offers to drop one."""
        self.form.is_valid()
        active: list[dict[str, str]] = []
        for name, field in self.form.fields.items():
            value = self.data.get(name, "")
            if name in NOT_FILTERS or not value or name in self.form.errors:
                continue
            shown = str(value)
            if name == "international":
                shown = str(_("yes"))
            else:
                for choice, label in _flat_choices(getattr(field, "choices", [])):
                    if choice == value:
                        shown = str(label)
            remaining = self.asked.copy()
            remaining.pop(name, None)
            if name == "q" and remaining.get("sort") == SORT_RELEVANCE:
                remaining.pop("sort")
            active.append(
                {
                    "name": name,
                    "label": str(field.label),
                    "value": shown,
                    "query": remaining.urlencode(),
                }
            )
        return active


def _flat_choices(choices: Any) -> list[tuple[Any, Any]]:
    flat: list[tuple[Any, Any]] = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat

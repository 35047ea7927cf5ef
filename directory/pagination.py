"""Pages of organisations that cost the same whether the directory holds 50 rows or
100,000, and on page 1 as on the last page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from directory.models import Organisation

PER_PAGE = 20
MAX_RESULTS = 1000


class DirectoryPaginator(Paginator[Organisation]):
    """A paginator with a capped count, bounded depth and pages fetched by id.

    - Counting every match of a large listing reads every row; the count stops
      at `max_results + 1`, and the page says "more than 1,000" beyond that.
    - Only the first `max_results` results can be paged through (50 pages of
      20): an OFFSET query reads and throws away every row before the page, so
      deeper pages would cost ever more. Visitors narrow the search instead.
    - With `rows`, a page's ids are chosen first (for the name and newest orders
      an index-only scan of a covering index) and only those rows are read
      whole, with their sector and place: the "deferred join".
    """

    def __init__(
        self,
        object_list: QuerySet[Organisation],
        per_page: int = PER_PAGE,
        *,
        max_results: int = MAX_RESULTS,
        count_queryset: QuerySet[Organisation] | None = None,
        rows: QuerySet[Organisation] | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.queryset = object_list
        self.max_results = max_results
        self.count_queryset = object_list if count_queryset is None else count_queryset
        self.rows = rows

    @cached_property
    def found(self) -> int:
        """Matches counted up to one more than the cap, in one bounded query."""
        return self.count_queryset.order_by()[: self.max_results + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.max_results)

    @property
    def truncated(self) -> bool:
        """Whether more organisations match than can be paged through."""
        return self.found > self.max_results

    def page(self, number: Any) -> Page[Organisation]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self.rows is None:
            objects = self.queryset[bottom:top]
        else:
            ordering = self.queryset.query.order_by
            ids = self.queryset.values("pk")[bottom:top]
            objects = self.rows.filter(pk__in=ids).order_by(*ordering)
        return Page(objects, number, self)

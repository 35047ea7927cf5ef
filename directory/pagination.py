"""Pages of organisations that cost the same whether the directory holds 50 rows or
100,000, and on page 1 as on the last page."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from directory.models import Organisation

PER_PAGE = 20
MAX_RESULTS = 1000


class CappedPaginator(Paginator[Organisation]):
    """What both paginators share: a count that stops at `max_results`.

    Counting every match of a large listing reads every row; past the cap the
    page says "more than 1,000". Only the first `max_results` results can be
    paged through (50 pages of 20): an OFFSET reads and throws away every row
    before the page, so deeper pages would cost ever more. Visitors narrow the
    search instead.
    """

    max_results = MAX_RESULTS

    @property
    def found(self) -> int:
        """Matches counted up to one more than the cap (or more, see subclasses)."""
        raise NotImplementedError

    @property
    def count(self) -> int:
        return min(self.found, self.max_results)

    @property
    def truncated(self) -> bool:
        """Whether more organisations match than can be paged through."""
        return self.found > self.max_results


class DirectoryPaginator(CappedPaginator):
    """Pages of an ordered queryset, with a capped count, fetched by id.

    An OFFSET reads and drops every row before the page. So a page's ids are
    chosen first (for the name and newest orders an index-only scan of a
    covering index, see the model's indexes) and only its rows read whole:
    the "deferred join". The last page then costs what the first does.
    """

    def __init__(
        self,
        object_list: QuerySet[Organisation],
        per_page: int = PER_PAGE,
        *,
        rows: QuerySet[Organisation],
        count_queryset: QuerySet[Organisation] | None = None,
    ) -> None:
        """`rows` reads a page's rows by id: the same columns and joins as
        `object_list`, without its filters."""
        super().__init__(object_list, per_page)
        self.queryset = object_list
        self.rows = rows
        self.count_queryset = object_list if count_queryset is None else count_queryset

    @cached_property
    def found(self) -> int:
        return self.count_queryset.order_by()[: self.max_results + 1].count()

    def page(self, number: Any) -> Page[Organisation]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = self.queryset.values("pk")[bottom:top]
        ordering = self.queryset.query.order_by
        return Page(self.rows.filter(pk__in=ids).order_by(*ordering), number, self)


# fetch(offset, limit) -> (the page's organisations, how many matches were ranked)
RankedFetch = Callable[[int, int], tuple[list[Organisation], int]]


class RankedPaginator(CappedPaginator):
    """Pages of a ranked search, each with its count in a single query.

    The ranked matches are bounded (see `directory.filters.RANK_CANDIDATES`),
    so the query that ranks them also counts them: no separate count query.
    """

    def __init__(self, fetch: RankedFetch, per_page: int = PER_PAGE) -> None:
        super().__init__([], per_page)
        self.fetch = fetch
        self.ranked = 0

    @property
    def found(self) -> int:
        return self.ranked

    def get_page(self, number: Any) -> Page[Organisation]:
        """The page asked for; a number past the end shows the last page, as Django's."""
        try:
            number = max(1, int(number))
        except (TypeError, ValueError):
            number = 1
        number = min(number, math.ceil(self.max_results / self.per_page))
        organisations = self._fetch(number)
        if not organisations and number > self.num_pages:
            number = self.num_pages
            organisations = self._fetch(number)
        return Page(organisations, number, self)

    def _fetch(self, number: int) -> list[Organisation]:
        offset = (number - 1) * self.per_page
        organisations, self.ranked = self.fetch(
            offset, min(self.per_page, self.max_results - offset)
        )
        return organisations

    def page(self, number: Any) -> Page[Organisation]:
        return self.get_page(number)

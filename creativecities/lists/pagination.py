"""Pages of any model's list that cost the same whether the table holds 50 rows or
100,000, and on page 1 as on the last page.

Nothing here knows a model: which columns a page reads, and which index makes its
order cheap, come from the queryset and the caller. See directory/README.md
("Performance") for the measurements behind each choice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Field, Model, QuerySet
from django.db.models.expressions import Col
from django.utils.functional import cached_property

from creativecities.lists.compiled import queries

PER_PAGE = 20
MAX_RESULTS = 1000
# How long a count kept under `count_key` is reused at most: its key follows
# the edits of what it counts, the clock (rows that lapse) only this late.
COUNT_SECONDS = 60

T = TypeVar("T", bound=Model)

# Stand-ins for a page's bounds while its SQL is compiled (Django writes them into
# the text), replaced by parameters.
_LIMIT_MARK = 987_654_321
_OFFSET_MARK = 987_654_321_001


@dataclass(frozen=True)
class Shape(Generic[T]):
    """A list's query named by its shape, for a paginator to compile it once per
    process (`creativecities.lists.compiled`) instead of on every request.

    `build(values)` makes the ordered queryset for any values through the ORM;
    `key` names everything else its SQL depends on (the filters used, the
    order); `values` are this request's. The queryset is built for a request
    only where a paginator still needs it (an uncached count)."""

    model: type[T]
    key: Hashable
    values: Mapping[str, Any]
    build: Callable[[Mapping[str, Any]], QuerySet[T]]

    def queryset(self) -> QuerySet[T]:
        return self.build(self.values)


def _given(object_list: QuerySet[T] | None, shape: Shape[T] | None) -> Any:
    """What Django's paginator holds: the queryset, or nothing when a shape is
    given instead (the paginators here never read it)."""
    if object_list is None and shape is None:
        raise TypeError("A paginator needs a queryset or a shape.")
    return object_list if object_list is not None else []


class CappedPaginator(Paginator[T]):
    """What every paginator here shares: a count that stops at `max_results`.

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
        """Whether more rows match than can be paged through."""
        return self.found > self.max_results


class DeferredJoinPaginator(CappedPaginator[T]):
    """Pages of an ordered queryset, with a capped count, fetched by id.

    An OFFSET reads and drops every row before the page. So a page's ids are
    chosen first (an index-only scan when an index covers the order and the
    filters: the caller's model declares it) and only its rows read whole: the
    "deferred join". The last page then costs what the first does.

    Any model's ordered queryset works as it is; pass `rows` to read fewer
    columns or to join related rows for the page.
    """

    def __init__(
        self,
        object_list: QuerySet[T] | None,
        per_page: int = PER_PAGE,
        *,
        rows: QuerySet[T] | None = None,
        count_queryset: QuerySet[T] | None = None,
        count_key: str | None = None,
        shape: Shape[T] | None = None,
    ) -> None:
        """`rows` reads a page's rows by id: the columns and joins the page shows,
        without the filters of `object_list` (by default, whole rows of its model).
        `count_queryset` counts the matches, when a cheaper query than
        `object_list` counts the same rows (without its ordering or joins).
        `count_key` keeps the count in the cache for `COUNT_SECONDS`, for a
        listing that many visitors ask for alike: the key must change with
        what it counts (the filters, and a version bumped on every edit).
        With a `shape` instead of `object_list`, a page's SQL is compiled once
        per process and shape (`rows` must then join nothing)."""
        super().__init__(_given(object_list, shape), per_page)
        self.shape = shape
        self._queryset = object_list
        model = shape.model if shape is not None else object_list.model  # type: ignore[union-attr]
        self.rows = model._default_manager.all() if rows is None else rows
        self._count_queryset = count_queryset
        self.count_key = count_key

    @cached_property
    def queryset(self) -> QuerySet[T]:
        """The ordered queryset, built from the shape only when asked for."""
        if self._queryset is not None:
            return self._queryset
        return cast("Shape[T]", self.shape).queryset()

    @property
    def count_queryset(self) -> QuerySet[T]:
        return self.queryset if self._count_queryset is None else self._count_queryset

    @cached_property
    def found(self) -> int:
        if self.count_key is None:
            return self._count()
        found = cache.get_or_set(self.count_key, self._count, COUNT_SECONDS)
        return self._count() if found is None else int(found)

    def _count(self) -> int:
        return self.count_queryset.order_by()[: self.max_results + 1].count()

    def page(self, number: Any) -> Page[T]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self.shape is not None:
            return Page(self._shaped_page(self.shape, bottom, top), number, self)
        ids = self.queryset.values("pk")[bottom:top]
        return Page(self.rows.filter(pk__in=ids).order_by(*ordering(self.queryset)), number, self)

    def _shaped_page(self, shape: Shape[T], bottom: int, top: int) -> list[T]:
        """The page's rows by the shape's SQL, compiled once per process."""
        if top <= bottom:
            return []
        rows = self.rows
        values = {**shape.values, "page_limit": top - bottom, "page_offset": bottom}

        def build(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
            queryset = shape.build(values)
            ids = queryset.values("pk")[_OFFSET_MARK : _OFFSET_MARK + _LIMIT_MARK]
            page = rows.filter(pk__in=ids).order_by(*ordering(queryset))
            compiler = page.query.get_compiler(using=page.db)
            sql, params = compiler.as_sql()
            names = []
            for column, _sql, _alias in compiler.select:
                if not isinstance(column, Col) or column.alias != page.model._meta.db_table:
                    raise ValueError("A shaped page reads its model's own columns only.")
                names.append(column.target.attname)
            sql, params = _bounds_as_parameters(
                sql, list(params), values["page_limit"], values["page_offset"]
            )
            return sql, params, (names, page.db)

        sql, params, (names, using) = queries.get(("deferred join", shape.key), values, build)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            result = cursor.fetchall()
        return [shape.model.from_db(using, names, row) for row in result]


def _bounds_as_parameters(
    sql: str, params: list[Any], limit: Any, offset: Any
) -> tuple[str, list[Any]]:
    """The page's bounds, which Django writes into the SQL, made parameters."""
    text = f"LIMIT {_LIMIT_MARK} OFFSET {_OFFSET_MARK}"
    if sql.count(text) != 1:
        raise ValueError("The page's bounds are not where a deferred join puts them.")
    position = sql.index(text)
    before = sql[:position].count("%s")
    bounded = [*params[:before], limit, offset, *params[before:]]
    return sql.replace(text, "LIMIT %s OFFSET %s"), bounded


class RankedPaginator(CappedPaginator[T]):
    """Pages of a queryset ordered by a value computed for each row (a search's
    rank), each page with its count in a single query.

    Ordering every match of a common word means computing the value for every
    one. So the first `max_results + 1` matches found are ordered, as they are
    read (the row is at hand; ordering after fetching each match again by id
    cost twice as much), and counted in the same query: no separate count
    query. For a word in most rows the order is therefore among those only.
    The page's rows are then read whole, with the queryset's columns (`only()`,
    `defer()`); related rows are not joined (see `OrganisationFilter.attach`).
    With a `shape` instead of a queryset, the SQL is compiled once per process
    and shape.
    """

    def __init__(
        self,
        object_list: QuerySet[T] | None,
        per_page: int = PER_PAGE,
        *,
        shape: Shape[T] | None = None,
    ) -> None:
        super().__init__(_given(object_list, shape), per_page)
        self.queryset = object_list
        self.shape = shape
        self.ranked = 0

    @property
    def found(self) -> int:
        return self.ranked

    def get_page(self, number: Any) -> Page[T]:
        """The page asked for; a number past the end shows the last page, as Django's."""
        try:
            number = max(1, int(number))
        except (TypeError, ValueError):
            number = 1
        number = min(number, math.ceil(self.max_results / self.per_page))
        rows = self._fetch(number)
        if not rows and number > self.num_pages:
            number = self.num_pages
            rows = self._fetch(number)
        return Page(rows, number, self)

    def page(self, number: Any) -> Page[T]:
        return self.get_page(number)

    def _fetch(self, number: int) -> list[T]:
        offset = (number - 1) * self.per_page
        limit = min(self.per_page, self.max_results - offset)
        candidates = self.max_results + 1
        shape = self.shape
        if shape is None:
            rows, self.ranked = ranked_page(
                cast("QuerySet[T]", self.queryset),
                offset=offset,
                limit=limit,
                candidates=candidates,
            )
            return rows

        def build(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
            queryset = shape.build(values)
            sql, params, names = ranked_sql(queryset, candidates)
            return sql, params, (names, queryset.db)

        sql, params, (names, using) = queries.get(
            ("ranked", shape.key, candidates), shape.values, build
        )
        rows, self.ranked = run_ranked(shape.model, using, sql, [*params, limit, offset], names)
        return rows

    def _check_object_list_is_ordered(self) -> None:
        """Unordered querysets are ordered by the model's own ordering, then by id."""


def ranked_page(
    queryset: QuerySet[T], *, offset: int, limit: int, candidates: int
) -> tuple[list[T], int]:
    """One page of the first `candidates` rows of `queryset` in its order, and how
    many of those there were, in one query.

    The order may name the model's columns and the queryset's annotations (a
    rank): the bounded set of matches keeps just those and the id, the page's
    rows are joined back by id, and the matches are counted beside them.
    """
    sql, params, names = ranked_sql(queryset, candidates)
    return run_ranked(queryset.model, queryset.db, sql, [*params, limit, offset], names)


def ranked_sql(queryset: QuerySet[Any], candidates: int) -> tuple[str, list[Any], list[str]]:
    """`ranked_page`'s SQL for `queryset`, its parameters but the page's LIMIT and
    OFFSET (the last two), and the attribute names of the columns it reads."""
    model = queryset.model
    table = model._meta.db_table
    connection = connections[queryset.db]
    quote = connection.ops.quote_name
    pk_name, pk_column, _ascending = _order_column(queryset, "pk")
    order = [_order_column(queryset, name) for name in ordering(queryset)]
    if pk_name not in {name for name, _column, _descending in order}:
        order.append((pk_name, pk_column, False))  # equal values keep one order
    kept = {pk_name: pk_column}
    for name, column, _descending in order:
        kept.setdefault(name, column)
    inner, params = (
        queryset.order_by()
        .values(*kept)[:candidates]
        .query.get_compiler(using=queryset.db)
        .as_sql()
    )
    order_sql = ", ".join(f"{column}{' DESC' if desc else ''}" for _name, column, desc in order)
    page_order = ", ".join(
        f"page.{column}{' DESC' if desc else ''}" for _name, column, desc in order
    )
    fields = _loaded_fields(queryset)
    columns = ", ".join(f"o.{quote(_column(field))}" for field in fields)
    sql = (
        f"WITH candidate AS MATERIALIZED ({inner}),"  # noqa: S608 (names from the model)
        f" page AS (SELECT {', '.join(kept.values())} FROM candidate ORDER BY {order_sql}"
        " LIMIT %s OFFSET %s)"
        f" SELECT ranked.found, {columns} FROM (SELECT COUNT(*) AS found FROM candidate) ranked"
        f" LEFT JOIN (page JOIN {quote(table)} o ON o.{pk_column} = page.{pk_column})"
        f" ON TRUE ORDER BY {page_order}"
    )
    return sql, list(params), [field.attname for field in fields]


def run_ranked(
    model: type[T], using: str, sql: str, params: list[Any], names: list[str]
) -> tuple[list[T], int]:
    """Run a `ranked_sql` query: the page's rows (`names`, in the model's order, as
    `from_db` expects them) and the count of the matches."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        result = cursor.fetchall()
    found = int(result[0][0]) if result else 0
    rows = [model.from_db(using, names, row[1:]) for row in result if row[1] is not None]
    return rows, found


def ordering(queryset: QuerySet[Any]) -> tuple[Any, ...]:
    """The order a queryset's rows come in: its own, else its model's."""
    if queryset.query.order_by:
        return tuple(queryset.query.order_by)
    if queryset.query.default_ordering:
        return tuple(queryset.model._meta.ordering)
    return ()


def _order_column(queryset: QuerySet[Any], name: Any) -> tuple[str, str, bool]:
    """(name for `values()`, quoted column of the bounded matches, descending) for
    an ordering term: a column of the model or an annotation of the queryset."""
    if not isinstance(name, str):
        raise TypeError(f"A ranked page orders by names, not {name!r}.")
    descending = name.startswith("-")
    name = name.removeprefix("-")
    quote = connections[queryset.db].ops.quote_name
    if name in queryset.query.annotations:
        return name, quote(name), descending
    opts = queryset.model._meta
    field = opts.pk if name == "pk" else opts.get_field(name)
    if not isinstance(field, Field) or not field.concrete:
        raise ValueError(f"A ranked page orders by the model's own columns, not {name!r}.")
    return field.name, quote(_column(field)), descending


def _column(field: Field[Any, Any]) -> str:
    if field.column is None:
        raise ValueError(f"{field.name} has no column.")
    return field.column


def _loaded_fields(queryset: QuerySet[Any]) -> list[Field[Any, Any]]:
    """The model's columns the queryset reads (after `only()` or `defer()`), in the
    model's order."""
    mask: dict[Any, Any] = queryset.query.get_select_mask()
    return [field for field in queryset.model._meta.concrete_fields if not mask or field in mask]

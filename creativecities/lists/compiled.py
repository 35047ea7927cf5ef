"""A list's SQL built through the ORM once per process and shape, its values put in
on every request.

Building a filtered, ordered queryset and compiling it cost the directory's search
more of the app server's time than PostgreSQL spent answering it. Yet a list asks
few kinds of query: which filters are used, which order, which language, never
which values. So a query is built once per `key` (its shape) with stand-ins for
its values, compiled, and kept; a request then only puts its own values where the
stand-ins were. The SQL is the ORM's own, so are its plans.

A value is a parameter of the query (an id, a word, a date). Whatever changes
the text of the SQL belongs to the key instead: whether a filter is used, a
flag, the order, the number of rows. The language is always part of it (a
translated field's column depends on it).
"""

from __future__ import annotations

import datetime
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language

# Compiled queries a process keeps; the least recently used goes first.
MAX_SHAPES = 512


class ShapeError(ValueError):
    """A query whose text depends on a value: that value belongs to its key."""


def stand_in(index: int, value: Any) -> Any:
    """A value of `value`'s type that no request sends, unique to `index`."""
    if isinstance(value, bool) or value is None:
        raise ShapeError(f"{value!r} changes a query's text: make it part of its key.")
    if isinstance(value, int):
        return -987_654_000_000 - index
    if isinstance(value, str):
        return f"\ue000stand-in {index}\ue001"
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1, 1, 1, 0, 0, 0, 987_000 + index, tzinfo=datetime.UTC)
    if isinstance(value, datetime.date):
        return datetime.date(1, 1, 1 + index)
    raise ShapeError(f"No stand-in for a value of type {type(value).__name__}.")


@dataclass(frozen=True)
class Compiled:
    """A query's SQL, its parameters with the stand-ins' places, and whatever the
    builder returned beside them (`extra`, such as the columns read)."""

    sql: str
    params: tuple[Any, ...]
    slots: tuple[tuple[int, str], ...]
    extra: Any

    def bind(self, values: Mapping[str, Any]) -> list[Any]:
        params = list(self.params)
        for position, name in self.slots:
            params[position] = values[name]
        return params


def compile_shape(
    values: Mapping[str, Any],
    build: Callable[[Mapping[str, Any]], tuple[str, Sequence[Any], Any]],
) -> Compiled:
    """Build the query with a stand-in for each value and note where each went.

    Refuses a query in which a stand-in went missing or was written into the
    SQL's text instead of a parameter: it would answer every later request
    with the first one's value."""
    stand_ins = {name: stand_in(index, value) for index, (name, value) in enumerate(values.items())}
    sql, params, extra = build(stand_ins)
    names = {_identity(value): name for name, value in stand_ins.items()}
    slots = tuple(
        (position, names[_identity(param)])
        for position, param in enumerate(params)
        if _identity(param) in names
    )
    found = {name for _position, name in slots}
    for name, value in stand_ins.items():
        if str(value) in sql:
            raise ShapeError(f"The value {name!r} is written into the query's text.")
        if name not in found:
            raise ShapeError(f"The value {name!r} is not a parameter of the query.")
    return Compiled(sql, tuple(params), slots, extra)


def _identity(value: Any) -> Any:
    """A parameter compared by type and value (an int is not a float, nor a bool)."""
    try:
        hash(value)
    except TypeError:
        return (type(value), id(value))
    return (type(value), value)


class QueryCache:
    """Compiled queries by shape, shared by a process's threads."""

    def __init__(self, max_shapes: int = MAX_SHAPES) -> None:
        self.max_shapes = max_shapes
        self._kept: OrderedDict[Hashable, Compiled] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        key: Hashable,
        values: Mapping[str, Any],
        build: Callable[[Mapping[str, Any]], tuple[str, Sequence[Any], Any]],
    ) -> tuple[str, list[Any], Any]:
        """The SQL of the query of this shape, its parameters for `values`, and
        what its builder returned beside them. `build(values)` returns
        (sql, params, extra) for any values: it is called with stand-ins, once
        per shape and language."""
        full_key = (key, get_language(), tuple(values))
        with self._lock:
            compiled = self._kept.get(full_key)
            if compiled is not None:
                self._kept.move_to_end(full_key)
        if compiled is None:
            compiled = compile_shape(values, build)
            with self._lock:
                self._kept[full_key] = compiled
                while len(self._kept) > self.max_shapes:
                    self._kept.popitem(last=False)
        return compiled.sql, compiled.bind(values), compiled.extra

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


queries = QueryCache()

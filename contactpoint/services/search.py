"""The search entries of funding calls and premises, as the guides' and the
directory's: folded texts in one stored vector, searched by the lists and by
the portal's one search (`contactpoint.site_search`).

Titles as typed (A), each language's title and description stemmed in its
language (B), the sectors' names (C). The history's `on_change` hook calls the
index functions once per change (see `ready_calls.py`), whatever path wrote
the row.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from contactpoint.models import FundingCall, Premises
from directory.search import fold

VECTOR_SQL = (
    "setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('italian', %s), 'B')"
    " || setweight(to_tsvector('english', %s), 'B')"
    " || setweight(to_tsvector('italian', %s), 'C')"
    " || setweight(to_tsvector('english', %s), 'C')"
)


def _sector_names(item: FundingCall | Premises, language: str) -> str:
    return " ".join(getattr(sector, f"name_{language}") or "" for sector in item.sectors.all())


def call_document(call: FundingCall) -> tuple[str, str, str, str, str]:
    """The folded texts of a call's vector, in `VECTOR_SQL`'s order."""
    title_it, title_en = call.title_it or "", call.title_en or ""  # type: ignore[attr-defined]
    return (
        fold(f"{title_it} {title_en} {call.funder_name}"),
        fold(f"{title_it} {call.description_it or ''}"),  # type: ignore[attr-defined]
        fold(f"{title_en} {call.description_en or ''}"),  # type: ignore[attr-defined]
        fold(_sector_names(call, "it")),
        fold(_sector_names(call, "en")),
    )


def premises_document(premises: Premises) -> tuple[str, str, str, str, str]:
    """The folded texts of a premises' vector: its title, address and place as typed."""
    title_it, title_en = premises.title_it or "", premises.title_en or ""  # type: ignore[attr-defined]
    place = premises.municipality.name if premises.municipality_id else ""
    return (
        fold(f"{title_it} {title_en} {premises.address} {place}"),
        fold(f"{title_it} {premises.description_it or ''}"),  # type: ignore[attr-defined]
        fold(f"{title_en} {premises.description_en or ''}"),  # type: ignore[attr-defined]
        fold(_sector_names(premises, "it")),
        fold(_sector_names(premises, "en")),
    )


def _store(table: str, rows: list[tuple[str | int, ...]]) -> None:
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET search_vector = {VECTOR_SQL} WHERE id = %s",  # noqa: S608
            rows,
        )


def index_calls(calls: Iterable[FundingCall]) -> None:
    """Store the search vector of each call given."""
    _store(FundingCall._meta.db_table, [(*call_document(call), call.pk) for call in calls])


def index_premises(premises: Iterable[Premises]) -> None:
    """Store the search vector of each premises given."""
    _store(Premises._meta.db_table, [(*premises_document(item), item.pk) for item in premises])

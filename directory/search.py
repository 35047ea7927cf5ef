"""Full-text search of organisations on PostgreSQL's built-in text search.

The stored vector mixes three configurations: `simple` for names (weight A, no
stemming, so a brand is found as typed), `italian` and `english` for the
descriptions in each language (weights B and C). Accents are folded in Python on
both the stored text and the query, because the embedded server has no
`unaccent` extension: "citta" finds "città".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery
from django.db import connection

if TYPE_CHECKING:
    from directory.models import Organisation

WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case the text and strip its accents: 'Città' -> 'citta'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def document(organisation: Organisation) -> tuple[str, str, str]:
    """The folded texts the vector is made of: names, Italian, English."""
    sectors = " ".join(
        f"{sector.name_it} {sector.name_en}"  # type: ignore[attr-defined]
        for sector in organisation.sectors.all()
    )
    names = fold(f"{organisation.name} {organisation.municipality.name}")
    italian = fold(
        f"{organisation.short_description_it or ''} {organisation.description_it or ''} {sectors}"  # type: ignore[attr-defined]
    )
    english = fold(
        f"{organisation.short_description_en or ''} {organisation.description_en or ''} {sectors}"  # type: ignore[attr-defined]
    )
    return names, italian, english


VECTOR_SQL = (
    "setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('italian', %s), 'B')"
    " || setweight(to_tsvector('english', %s), 'C')"
)


def index_organisations(organisations: Iterable[Organisation]) -> None:
    """Recompute and store the search vector of each organisation given.

    Call it after every write that changes a name, description, sector or place
    (the services do); the vector is stored so that searching never recomputes it.
    """
    rows = [(*document(org), org.pk) for org in organisations]
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE directory_organisation SET search_vector = {VECTOR_SQL} WHERE id = %s",  # noqa: S608
            rows,
        )


def query_terms(text: str) -> list[str]:
    """Folded words of a query; the last one is matched as a prefix while typing."""
    return WORD.findall(fold(text))[:12]


def tsquery(text: str) -> str | None:
    """A raw tsquery text for `to_tsquery`, or None when the query has no words.

    Every word must match (AND); the last word also matches as a prefix so that
    "archit" finds "architettura".
    """
    terms = query_terms(text)
    if not terms:
        return None
    parts = list(terms[:-1]) + [f"{terms[-1]}:*"]
    return " & ".join(parts)


CONFIGS = ("simple", "italian", "english")


def search_query(text: str) -> SearchQuery | None:
    """The query to match against the stored vector, or None for a query without words.

    The vector was built with three configurations, so the query is parsed with
    each of them and the three are OR-ed: a name matches as typed ('simple'),
    a description through its language's stemming.
    """
    raw = tsquery(text)
    if raw is None:
        return None
    queries = [SearchQuery(raw, search_type="raw", config=config) for config in CONFIGS]
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined

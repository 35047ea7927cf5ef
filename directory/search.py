"""Full-text search on PostgreSQL's built-in text search: the query any list
searches with (`SearchableQuerySet`), and the organisations' stored vector.

The organisations' vector mixes three configurations: `simple` for names (weight
A, no stemming, so a brand is found as typed), `italian` and `english` for the
descriptions in each language (weights B and C). Accents are folded in Python on
both the stored text and the query, because the embedded server has no
`unaccent` extension: "citta" finds "città".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Model, QuerySet

from creativecities.text import clean_text
from directory.pagination import MAX_RESULTS, ordering, ranked_page

if TYPE_CHECKING:
    from directory.models import Organisation

WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case the text and strip its accents: 'Città' -> 'citta'. Control
    characters go too: an object still in memory may hold a NUL its column
    never will, and PostgreSQL refuses one in the vector's text."""
    decomposed = unicodedata.normalize("NFKD", clean_text(text, multiline=True).lower())
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


def search_query(text: str, configs: Sequence[str] = CONFIGS) -> SearchQuery | None:
    """The query to match against a stored vector, or None for a query without words.

    A vector built with several configurations (the organisations' has three)
    is searched with the query parsed with each of them, OR-ed: a name matches
    as typed ('simple'), a description through its language's stemming.
    """
    raw = tsquery(text)
    if raw is None:
        return None
    queries = [SearchQuery(raw, search_type="raw", config=config) for config in configs]
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


M = TypeVar("M", bound=Model)


class SearchableQuerySet(QuerySet[M]):
    """Search and ranking for any model that stores a `SearchVectorField`.

    A model's queryset inherits it and names its vector and the configurations
    the vector was built with (by default `search_vector` and `CONFIGS`), so
    that guides, calls or premises search the way the directory does:
    `Organisation.objects.published().search("archit")`. Words are folded,
    all required, the last one a prefix (see `tsquery`); text without words
    leaves the queryset as it was.

    The ranked queryset ranks every match when read as it is; a list pages it
    with `directory.pagination.RankedPaginator`, which ranks only the first
    matches found, as many as can be browsed, and counts them in the same query.
    """

    search_vector_field: ClassVar[str] = "search_vector"
    search_configs: ClassVar[Sequence[str]] = CONFIGS

    def matching(self, text: str) -> Self:
        """The rows whose vector matches the words, in no particular order."""
        query = search_query(text, self.search_configs)
        if query is None:
            return self
        return self.filter(**{self.search_vector_field: query})

    def ranked(self, text: str) -> Self:
        """The rows annotated with their `rank` for the words and ordered by it,
        equal ranks in the queryset's order (its own, else the model's), then
        by id. Filters nothing: see `matching` and `search`."""
        query = search_query(text, self.search_configs)
        if query is None:
            return self
        ties = [term for term in ordering(self) if term not in ("pk", "id")]
        return self.annotate(rank=SearchRank(F(self.search_vector_field), query)).order_by(
            "-rank", *ties, "pk"
        )

    def search(self, text: str) -> Self:
        """The rows matching the words, best first (names before descriptions
        for the organisations, whose vector weighs names highest)."""
        return self.matching(text).ranked(text)


def top_matches(
    queryset: SearchableQuerySet[M], text: str, *, offset: int, limit: int
) -> tuple[list[M], int]:
    """The rows matching the words from `offset`, best first, and how many match
    (counted up to one past `MAX_RESULTS`), in one query; nothing for text
    without words (where `search` would leave the queryset whole).

    What a kind of content gives the portal's search (`creativecities.sitesearch`).
    """
    if tsquery(text) is None:
        return [], 0
    return ranked_page(
        queryset.search(text), offset=offset, limit=limit, candidates=MAX_RESULTS + 1
    )

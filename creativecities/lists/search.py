"""Full-text search on PostgreSQL's built-in text search: the stored vector of
any model that declares its weighted fields, and the query any list searches
with (`SearchableQuerySet`).

A model declares its `search_document`: which fields go into its vector, each
group with a configuration and a weight. The organisations' mixes three: `simple`
for names (weight A, no stemming, so a brand is found as typed), `italian` and
`english` for the descriptions in each language (weights B and C); the guides'
weigh titles before summaries before bodies. `index` stores the vector of any
such model, `SearchableQuerySet` searches it with the same configurations.
Accents are folded in Python on both the stored text and the query, because the
embedded server has no `unaccent` extension: "citta" finds "città".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Self, TypeVar, cast

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Field, Manager, Model, QuerySet

from creativecities.lists.pagination import MAX_RESULTS, ordering, ranked_page
from creativecities.text import clean_text

WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case the text and strip its accents: 'Città' -> 'citta'. Control
    characters go too: an object still in memory may hold a NUL its column
    never will, and PostgreSQL refuses one in the vector's text."""
    decomposed = unicodedata.normalize("NFKD", clean_text(text, multiline=True).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Weighted:
    """Fields whose text goes into a vector with one configuration and one weight.

    A path follows relations as a query does: `municipality__name` is the name
    of the row's municipality, `sectors__name_it` the Italian names of all its
    sectors.
    """

    weight: Literal["A", "B", "C", "D"]
    config: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class SearchDocument:
    """What a model's stored search vector is made of (`field`, by default
    `search_vector`): its weighted fields, in the vector's order."""

    parts: tuple[Weighted, ...]
    field: str = "search_vector"

    @property
    def configs(self) -> tuple[str, ...]:
        """The configurations the vector was built with: a query is parsed with each."""
        return tuple(dict.fromkeys(part.config for part in self.parts))

    @property
    def sql(self) -> str:
        """The vector's expression, one `%s` per part for its folded text."""
        return " || ".join(
            f"setweight(to_tsvector('{part.config}', %s), '{part.weight}')" for part in self.parts
        )

    def texts(self, obj: Model) -> list[str]:
        """The folded text of each part for `obj`, in `sql`'s order. Each relation
        is read once, whatever the number of paths through it."""
        read: dict[tuple[int, str], list[Any]] = {}

        def follow(item: Any, step: str) -> list[Any]:
            key = (id(item), step)
            if key not in read:
                value = getattr(item, step)
                if isinstance(value, Manager):
                    read[key] = list(value.all())
                else:
                    read[key] = [] if value is None else [value]
            return read[key]

        def values(path: str) -> list[Any]:
            items: list[Any] = [obj]
            for step in path.split("__"):
                items = [found for item in items for found in follow(item, step)]
            return items

        return [
            fold(" ".join(str(value) for path in part.paths for value in values(path)))
            for part in self.parts
        ]


def index(objects: Iterable[Model]) -> None:
    """Recompute and store the search vector of each object given, from its
    model's `search_document`.

    The history's `on_change` hook calls it once per change of a tracked model
    that searches (see the apps' `ready()`), so the vector is current whatever
    path wrote the row, and searching never recomputes it.
    """
    by_model: dict[type[Model], list[Model]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model, rows in by_model.items():
        document: SearchDocument = model.search_document  # type: ignore[attr-defined]
        table = model._meta.db_table
        column = cast("Field[Any, Any]", model._meta.get_field(document.field)).column
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET {column} = {document.sql} WHERE id = %s",  # noqa: S608
                [(*document.texts(row), row.pk) for row in rows],
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
    return _parsed(tsquery(text), configs)


def any_words_query(text: str, configs: Sequence[str] = CONFIGS) -> SearchQuery | None:
    """A query matching any of the text's longer words (none a prefix), or None:
    for prose such as an enquiry's message, not for what a person searches."""
    words = [word for word in WORD.findall(fold(text)) if len(word) > 2][:30]
    return _parsed(" | ".join(words) if words else None, configs)


def _parsed(raw: str | None, configs: Sequence[str]) -> SearchQuery | None:
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

    A model's queryset inherits it; the vector and the configurations it was
    built with come from the model's `search_document` (a queryset may name
    others in `search_vector_field` and `search_configs`), so that guides,
    calls or premises search the way the directory does:
    `Organisation.objects.published().search("archit")`. Words are folded,
    all required, the last one a prefix (see `tsquery`); text without words
    leaves the queryset as it was.

    The ranked queryset ranks every match when read as it is; a list pages it
    with `creativecities.lists.pagination.RankedPaginator`, which ranks only the first
    matches found, as many as can be browsed, and counts them in the same query.
    """

    search_vector_field: ClassVar[str | None] = None
    search_configs: ClassVar[Sequence[str] | None] = None

    @property
    def _document(self) -> tuple[str, Sequence[str]]:
        """The vector searched and the configurations its queries are parsed with."""
        document: SearchDocument | None = getattr(self.model, "search_document", None)
        field = self.search_vector_field or (document.field if document else "search_vector")
        configs = self.search_configs or (document.configs if document else CONFIGS)
        return field, configs

    def matching(self, text: str) -> Self:
        """The rows whose vector matches the words, in no particular order."""
        raw = tsquery(text)
        return self if raw is None else self.matching_tsquery(raw)

    def matching_tsquery(self, raw: str) -> Self:
        """`matching` for the words' `tsquery` (one parameter of the SQL, so that a
        list can compile the query once for any words)."""
        field, configs = self._document
        return self.filter(**{field: _parsed(raw, configs)})

    def ranked(self, text: str) -> Self:
        """The rows annotated with their `rank` for the words and ordered by it,
        equal ranks in the queryset's order (its own, else the model's), then
        by id. Filters nothing: see `matching` and `search`."""
        raw = tsquery(text)
        return self if raw is None else self.ranked_tsquery(raw)

    def ranked_tsquery(self, raw: str) -> Self:
        """`ranked` for the words' `tsquery`."""
        query = _parsed(raw, self._document[1])
        return self if query is None else self._ranked(query)

    def search(self, text: str) -> Self:
        """The rows matching the words, best first (names before descriptions
        for the organisations, whose vector weighs names highest)."""
        return self.matching(text).ranked(text)

    def answering(self, prose: str) -> Self:
        """The rows that may answer a piece of prose (an enquiry's message): any
        of its longer words may match, best first; none for prose without words."""
        field, configs = self._document
        query = any_words_query(prose, configs)
        if query is None:
            return self.none()
        return self.filter(**{field: query})._ranked(query)

    def _ranked(self, query: SearchQuery) -> Self:
        ties = [term for term in ordering(self) if term not in ("pk", "id")]
        return self.annotate(rank=SearchRank(F(self._document[0]), query)).order_by(
            "-rank", *ties, "pk"
        )


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

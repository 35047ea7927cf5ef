"""Guides: their search entries, rendered bodies and the suggestions the
enquiry form shows."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils.translation import get_language

from contactpoint.models import Guide
from creativecities.markdown import render_markdown
from directory.search import CONFIGS, WORD, fold

# Titles as typed (A), each language's title and summary stemmed (B), bodies (C).
VECTOR_SQL = (
    "setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('italian', %s), 'B')"
    " || setweight(to_tsvector('english', %s), 'B')"
    " || setweight(to_tsvector('italian', %s), 'C')"
    " || setweight(to_tsvector('english', %s), 'C')"
)


def guide_document(guide: Guide) -> tuple[str, str, str, str, str]:
    """The folded texts of a guide's vector, in `VECTOR_SQL`'s order."""
    title_it = guide.title_it or ""  # type: ignore[attr-defined]
    title_en = guide.title_en or ""  # type: ignore[attr-defined]
    return (
        fold(f"{title_it} {title_en}"),
        fold(f"{title_it} {guide.summary_it or ''}"),  # type: ignore[attr-defined]
        fold(f"{title_en} {guide.summary_en or ''}"),  # type: ignore[attr-defined]
        fold(guide.body_it or ""),  # type: ignore[attr-defined]
        fold(guide.body_en or ""),  # type: ignore[attr-defined]
    )


def index_guides(guides: Iterable[Guide]) -> None:
    """Store the search vector of each guide given.

    The history's `on_change` hook calls it once per change of a guide's
    content (see `apps.py`), so search is current whatever path wrote the guide.
    """
    rows = [(*guide_document(guide), guide.pk) for guide in guides]
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE contactpoint_guide SET search_vector = {VECTOR_SQL} WHERE id = %s",  # noqa: S608
            rows,
        )


def guide_body_html(guide: Guide) -> str:
    """The guide's body in the active language, rendered and sanitised.

    Kept in the cache under the guide's last change, so a page renders the
    Markdown once per edit and language, not once per visit.
    """
    language = get_language() or "it"
    key = f"contactpoint:guide-body:{guide.pk}:{language}:{guide.updated_at.timestamp()}"
    html = cache.get(key)
    if html is None:
        html = render_markdown(str(guide.body or ""))
        cache.set(key, html, 24 * 3600)
    return str(html)


def guides_suggested_for(text: str, *, limit: int = 3) -> list[Guide]:
    """Published guides that may already answer `text` (an enquiry's subject and
    message), best first; none for text without words.

    Any of the words may match (an enquiry is prose, not a query), ranked by
    how well. One query.
    """
    words = [word for word in WORD.findall(fold(text)) if len(word) > 2][:30]
    if not words:
        return []
    raw = " | ".join(words)
    query = SearchQuery(raw, search_type="raw", config=CONFIGS[0])
    for config in CONFIGS[1:]:
        query = query | SearchQuery(raw, search_type="raw", config=config)
    return list(
        Guide.objects.published()
        .for_list()
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "title", "pk")[:limit]
    )

"""Guides: their rendered bodies and the suggestions the enquiry form shows
(their search vector is `Guide.search_document`'s, kept by `creativecities.lists.search`)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import get_language

from contactpoint.models import Guide
from creativecities.markdown import render_markdown


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
    message), best first; none for text without words. One query."""
    return list(Guide.objects.published().for_list().answering(text)[:limit])

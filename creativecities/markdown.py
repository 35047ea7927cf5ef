"""Guides' Markdown turned into HTML that is safe to show.

Staff type Markdown in the admin; pages show HTML. Two maintained libraries do
the work, and nothing is parsed or escaped by hand: markdown-it-py (CommonMark)
renders, with raw HTML off, and nh3 (the Rust `ammonia` sanitiser) then keeps
only the tags, attributes and URL schemes listed here. So a `<script>`, an
`onclick` or a `javascript:` link typed in a guide never reaches a browser as
such, even if a later change turned raw HTML on.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # "js-default": CommonMark with tables and strikethrough, raw HTML disabled.
    return MarkdownIt("js-default").enable("table")


def _shift_headings(html: str) -> str:
    """A guide's page has its own h1: a "# Title" in the body becomes an h2."""
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def render_markdown(text: str) -> str:
    """The sanitised HTML of `text` (Markdown); empty text gives an empty string."""
    if not text:
        return ""
    html = _shift_headings(_parser().render(text))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )

"""Staff's Markdown (guides, site pages) turned into HTML that is safe to show.

Staff type Markdown in the admin; pages show HTML. Two maintained libraries do
the work, and nothing is parsed or escaped by hand: markdown-it-py (CommonMark)
renders, with raw HTML off, and nh3 (the Rust `ammonia` sanitiser) then keeps
only the tags, attributes and URL schemes listed here. So a `<script>`, an
`onclick` or a `javascript:` link typed in a guide never reaches a browser as
such, even if a later change turned raw HTML on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import nh3
from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.token import Token

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
# Sections' anchors, which only `render_sections` sets (raw HTML is off, so
# nothing typed can carry an attribute).
SECTION_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "h2": {"id"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # "js-default": CommonMark with tables and strikethrough, raw HTML disabled.
    return MarkdownIt("js-default").enable("table")


def _shift_headings(html: str) -> str:
    """A guide's page has its own h1: a "# Title" in the body becomes an h2."""
    return html.replace("<h1", "<h2").replace("</h1>", "</h2>")


def _clean(html: str, attributes: dict[str, set[str]]) -> str:
    return nh3.clean(
        _shift_headings(html),
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str) -> str:
    """The sanitised HTML of `text` (Markdown); empty text gives an empty string."""
    if not text:
        return ""
    return _clean(_parser().render(text), ALLOWED_ATTRIBUTES)


@dataclass(frozen=True)
class Section:
    """A section of a page: what the page index links to."""

    anchor: str
    title: str


@dataclass(frozen=True)
class Rendered:
    html: str
    sections: list[Section]


def _plain(inline: Token) -> str:
    """A heading's words without their Markdown (emphasis, links, code)."""
    return "".join(
        child.content for child in inline.children or [] if child.type in {"text", "code_inline"}
    ).strip()


def render_sections(text: str) -> Rendered:
    """`text` rendered as `render_markdown` does, each top heading (`#` or
    `##`) given an anchor, and the list of them: a long page's index.

    Anchors are made of the heading's words ("section-titolare-del-
    trattamento"), numbered when two headings read the same, so a link to a
    section survives any edit that keeps its title.
    """
    if not text:
        return Rendered("", [])
    parser = _parser()
    tokens = parser.parse(text)
    sections: list[Section] = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.tag not in {"h1", "h2"}:
            continue
        title = _plain(tokens[index + 1])
        if not title:
            continue
        anchor = base = f"section-{slugify(title) or len(sections) + 1}"[:80]
        taken = {section.anchor for section in sections}
        number = 2
        while anchor in taken:
            anchor = f"{base}-{number}"
            number += 1
        token.attrSet("id", anchor)
        sections.append(Section(anchor, title))
    html = parser.renderer.render(tokens, parser.options, {})
    return Rendered(_clean(html, SECTION_ATTRIBUTES), sections)

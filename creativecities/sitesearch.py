"""One search for the whole portal: every app adds the kinds of content it holds.

An app declares each searchable kind once, in its plug-in place (its
`AppConfig.ready()`), with a function that finds the kind's published content
for some words, best first:

    register_kind(SearchKind(
        key="calls",
        label=_("Funding calls"),
        find=find_calls,              # (words, offset, limit) -> (hits, found)
        list_url=lambda words: f"{reverse('contactpoint:calls')}?{urlencode({'q': words})}",
        order=30,
    ))

The search page (`/it/cerca/`, `/en/search/`) asks every kind for its first
few hits and shows them grouped by kind, each group ranked by its own search
(the shared full-text search of the lists), with "see all N" leading to the
kind's own filtered list, or to the search page narrowed to that kind and
paged. A kind finds with a stored search vector, so it costs one query
whatever the table's size; the core knows no kind and imports no app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

Label = str | Promise


@dataclass(frozen=True)
class Hit:
    """One thing found, as a line of the results shows it."""

    title: str
    url: str
    summary: str = ""
    # Short facts under the title: "Deadline 7 December 2026", "Office · 120 m²".
    facts: tuple[str, ...] = field(default=())
    # The language of title and summary when it differs from the page's ("en").
    language: str = ""


def excerpt(text: str, *, words: int = 30, chars: int = 240) -> str:
    """The start of a description under a hit: a few words, and never more than
    a few lines even when a "word" is thousands of characters long."""
    return Truncator(Truncator(text or "").words(words)).chars(chars)


# (words, offset, limit) -> (the hits from `offset`, how many match in all).
# The count may stop past a cap (see `MAX_FOUND`): the page says "more than".
Finder = Callable[[str, int, int], tuple[list[Hit], int]]


@dataclass(frozen=True)
class SearchKind:
    key: str  # its name in the address: ?kind=calls
    label: Label  # "Funding calls"
    find: Finder
    # The kind's own list narrowed to the words, when it has one that can be.
    list_url: Callable[[str], str] | None = None
    order: int = 100


_registry: dict[str, SearchKind] = {}

# Counts stop here: the lists page through at most a thousand results.
MAX_FOUND = 1000
MAX_QUERY = 200
PER_KIND = 5
PER_PAGE = 20


def register_kind(kind: SearchKind) -> SearchKind:
    """Add a kind of content to the portal's search (once; a later
    registration under the same key replaces it)."""
    _registry[kind.key] = kind
    return kind


def unregister_kind(key: str) -> None:
    _registry.pop(key, None)


def kinds() -> list[SearchKind]:
    return sorted(_registry.values(), key=lambda kind: (kind.order, kind.key))


@dataclass(frozen=True)
class Group:
    """The hits of one kind for the words."""

    kind: SearchKind
    hits: list[Hit]
    found: int
    # "See all": the kind's own list narrowed to the words ("": none).
    more_url: str = ""

    @property
    def more_than(self) -> bool:
        return self.found > MAX_FOUND

    @property
    def shown_count(self) -> int:
        return min(self.found, MAX_FOUND)


def search_everything(words: str, *, per_kind: int = PER_KIND) -> list[Group]:
    """The first hits of every kind that has some, in the kinds' order."""
    groups = []
    for kind in kinds():
        hits, found = kind.find(words, 0, per_kind)
        if hits:
            more_url = kind.list_url(words) if kind.list_url else ""
            groups.append(Group(kind, hits, found, more_url))
    return groups


def search_one_kind(kind: SearchKind, words: str, *, page: int) -> tuple[Group, int]:
    """One page of one kind's hits, and the page number actually shown (a page
    past the end shows the last one)."""
    last = max(1, -(-MAX_FOUND // PER_PAGE))
    page = min(max(1, page), last)
    hits, found = kind.find(words, (page - 1) * PER_PAGE, PER_PAGE)
    pages = max(1, -(-min(found, MAX_FOUND) // PER_PAGE))
    if not hits and page > pages:
        page = pages
        hits, found = kind.find(words, (page - 1) * PER_PAGE, PER_PAGE)
    return Group(kind, hits, found), page


class SearchForm(forms.Form):
    """What the search page reads from its address: words, an optional kind,
    a page. Whatever arrives, the page answers: unknown kinds and pages are
    ignored, control characters are removed (as in every form of the portal),
    and words past `MAX_QUERY` characters are cut, with a message."""

    q = forms.CharField(label=_("Search the site"), required=False)
    kind = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trimmed = False

    def clean_q(self) -> str:
        words = " ".join(str(self.cleaned_data.get("q") or "").split())
        if len(words) > MAX_QUERY:
            self.trimmed = True
            words = words[:MAX_QUERY].rstrip()
        return words

    def clean_kind(self) -> SearchKind | None:
        return _registry.get(str(self.cleaned_data.get("kind") or ""))

    def clean_page(self) -> int:
        value = str(self.cleaned_data.get("page") or "")
        return int(value) if value.isdigit() and len(value) < 6 else 1

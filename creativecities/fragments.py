"""Fragments of pages kept in the cache, read from it in one round trip.

Much of a page is the same for every visitor until what it shows changes: each
card of a list, a profile's parts, the navigation, the footer. Django's
`{% cache %}` tag reads each with a `cache.get` of its own (with Redis, a
network round trip each; with any backend, a key check and an unpickling), and
a list that drew twenty cards through `{% include %}` and `{% cache %}` spent
more of its time in the template engine than on the cards. So:

- `render_cards()` draws the items of a list: their fragments read with one
  `get_many`, the missing ones rendered from one compiled template (no include
  per item) and stored with one `set_many`; the page loops over finished HTML.
- `prefetch()` reads, in the same `get_many`, the fragments the page's
  templates will ask for with `{% fragment %}` (the `{% cache %}` tag of
  `directory.templatetags.portal`, which looks at what was prefetched first),
  and always those every page shows (`page_keys`: the navigation, the footer).

A fragment's key names everything it shows that can change (a row's
`updated_at`, the language): an edit shows at the next request, and the
timeout only bounds what is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from creativecities.pagecache.versions import site_version

TIMEOUT = 60
# On the request: key -> the fragment, or None when the cache did not have it.
REQUEST_ATTRIBUTE = "prefetched_fragments"


def fragment_key(name: str, *vary_on: Any) -> str:
    """The key `{% fragment TIMEOUT name vary_on... %}` uses (that of `{% cache %}`)."""
    return make_template_fragment_key(name, vary_on)


def page_keys(request: HttpRequest) -> list[str]:
    """The fragments of every page: the header's navigation (per language, view
    and version of the site's content, `pagecache`) and the footer (per
    language), as `base.html` and the header name them."""
    language = get_language()
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match is not None else ""
    return [
        fragment_key("page_navigation", language, view_name, site_version(request)),
        fragment_key("page_footer", language),
    ]


def prefetched(request: Any) -> dict[str, SafeString | None]:
    """What was read for this request so far (empty for a request that read nothing)."""
    found: dict[str, SafeString | None] | None = getattr(request, REQUEST_ATTRIBUTE, None)
    return found if found is not None else {}


def prefetch(request: HttpRequest, keys: Iterable[str] = ()) -> dict[str, SafeString | None]:
    """Read the fragments `keys` and the page's own (`page_keys`) in one round trip
    and keep them on the request; return every fragment read for it so far."""
    found = prefetched(request)
    if not found:
        setattr(request, REQUEST_ATTRIBUTE, found)
    wanted = [key for key in dict.fromkeys([*page_keys(request), *keys]) if key not in found]
    if wanted:
        values = cache.get_many(wanted)
        for key in wanted:
            value = values.get(key)
            found[key] = mark_safe(value) if value is not None else None  # noqa: S308 (rendered by a template)
    return found


def render_cards(
    request: HttpRequest,
    template_name: str,
    items: Sequence[Any],
    *,
    name: str,
    key: Callable[[Any], Sequence[Any]],
    extra: dict[str, Any] | None = None,
    timeout: int = TIMEOUT,
    prefetch_too: Iterable[str] = (),
) -> list[SafeString]:
    """The HTML of each item's card, in order.

    `template_name` draws one item, given as `name` (with `extra` beside it, and
    `LANGUAGE_CODE`); `key(item)` lists what the card shows that can change,
    the language added. Cards are read in one `get_many`, with the page's own
    fragments and the keys `prefetch_too` (see `prefetch`); those missing are
    rendered and stored in one `set_many`. The template has no request:
    nothing in it may depend on the visitor.
    """
    language = get_language()
    keys = [fragment_key(f"card:{template_name}", *key(item), language) for item in items]
    found = prefetch(request, [*prefetch_too, *keys])
    missing: dict[str, str] = {}
    cards: list[SafeString] = []
    template = None
    for item, card_key in zip(items, keys, strict=True):
        card = found.get(card_key)
        if card is None:
            template = template or get_template(template_name)
            card = mark_safe(  # noqa: S308 (rendered by a template)
                template.render({name: item, "LANGUAGE_CODE": language, **(extra or {})})
            )
            missing[card_key] = found[card_key] = card
        cards.append(card)
    if missing:
        cache.set_many({key: str(card) for key, card in missing.items()}, timeout)
    return cards

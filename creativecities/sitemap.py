"""The site map: every section of the portal and its pages, as the apps declare them.

Each app registers, in its `AppConfig.ready()`, a callable that returns its
part of the map as a tree of `Link`s (its section, the section's pages, and
the content under them: guides, calls, sectors...), built with `reverse` in
the active language:

    from creativecities.sitemap import Link, register_site_map

    def desk_site_map() -> Link:
        return Link(_("Contact point"), reverse("contactpoint:home"), [...])

    register_site_map(desk_site_map, order=20)

The site map page shows the sections by `order`; the core names no app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A page of the map, with the pages under it."""

    title: str
    url: str
    children: list[Link] = field(default_factory=list)


SiteMapSection = Callable[[], Link | None]

_registry: dict[SiteMapSection, int] = {}


def register_site_map(section: SiteMapSection, *, order: int = 100) -> SiteMapSection:
    """Add a section to the site map (once, however often `ready()` runs);
    sections are shown by `order`, then in registration order."""
    _registry.setdefault(section, order)
    return section


def unregister_site_map(section: SiteMapSection) -> None:
    _registry.pop(section, None)


def site_map() -> list[Link]:
    """Every registered section, built now (a section may return None: nothing
    to show)."""
    ordered = sorted(_registry.items(), key=lambda item: item[1])
    return [link for section, _order in ordered if (link := section()) is not None]

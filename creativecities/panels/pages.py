"""Panels apps add to pages of another app (a sector's page, a member's
account page, the cluster page, the home page), so that the app drawing the
page never imports them.

An app registers a callable in its `AppConfig.ready()`:

    from creativecities.panels.pages import register_sector_panel

    def guides_panel(request, sector):
        guides = Guide.objects.published().filter(sectors=sector)[:5]
        if not guides:
            return None
        return "contactpoint/sector_panel.html", {"guides": guides}

    register_sector_panel(guides_panel)

The sector page renders each panel's template with its context (plus `request`
and `sector`) in the order the panels were registered; a panel that returns
None shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

# The sector is the directory's `Sector`: the core names no app's model.
SectorPanel = Callable[[HttpRequest, Any], tuple[str, dict[str, Any]] | None]

_registry: list[SectorPanel] = []


def register_sector_panel(panel: SectorPanel) -> SectorPanel:
    """Add a panel to every sector page (once, however often `ready()` runs).

    Returns the callable, so it can also be used as a decorator.
    """
    if panel not in _registry:
        _registry.append(panel)
    return panel


def unregister_sector_panel(panel: SectorPanel) -> None:
    if panel in _registry:
        _registry.remove(panel)


def render_sector_panels(request: HttpRequest, sector: Any) -> list[SafeString]:
    """The HTML of every registered panel that has something to show."""
    rendered = []
    for panel in _registry:
        result = panel(request, sector)
        if result is None:
            continue
        template_name, context = result
        rendered.append(
            render_to_string(template_name, {**context, "sector": sector}, request=request)
        )
    return rendered


# Panels of a member's account page, on the same pattern: an app registers a
# callable `(request) -> (template name, context) | None`, the account page
# renders each one that has something to show (the desk's enquiries, say).

AccountPanel = Callable[[HttpRequest], tuple[str, dict[str, Any]] | None]

_account_registry: list[AccountPanel] = []


def register_account_panel(panel: AccountPanel) -> AccountPanel:
    """Add a panel to every member's account page (once); usable as a decorator."""
    if panel not in _account_registry:
        _account_registry.append(panel)
    return panel


def render_account_panels(request: HttpRequest) -> list[SafeString]:
    """The HTML of every registered account panel that has something to show."""
    rendered = []
    for panel in _account_registry:
        result = panel(request)
        if result is not None:
            template_name, context = result
            rendered.append(render_to_string(template_name, context, request=request))
    return rendered


# Panels of the cluster page, on the same pattern: an app registers a callable
# `(request) -> (template name, context) | None`, shown after the cluster's own
# figures (the survey's published results, say).

ClusterPanel = Callable[[HttpRequest], tuple[str, dict[str, Any]] | None]

_cluster_registry: list[ClusterPanel] = []


def register_cluster_panel(panel: ClusterPanel) -> ClusterPanel:
    """Add a panel to the cluster page (once); usable as a decorator."""
    if panel not in _cluster_registry:
        _cluster_registry.append(panel)
    return panel


def render_cluster_panels(request: HttpRequest) -> list[SafeString]:
    """The HTML of every registered cluster panel that has something to show."""
    rendered = []
    for panel in _cluster_registry:
        result = panel(request)
        if result is not None:
            template_name, context = result
            rendered.append(render_to_string(template_name, context, request=request))
    return rendered


# Blocks of the home page, on the same pattern: an app registers a callable
# `(request) -> (template name, context) | None` with its place on the page
# (`order`, lower first: the calls closing soon before the contacts); the home
# page draws each one that has something to show. The page keeps them all in
# its cached fragment, so each may cost a query when the cache is cold.

HomePanel = Callable[[HttpRequest], tuple[str, dict[str, Any]] | None]

_home_registry: dict[HomePanel, int] = {}


def register_home_panel(panel: HomePanel, *, order: int) -> HomePanel:
    """Add a block to the home page (once), at `order` among the others."""
    _home_registry[panel] = order
    return panel


def render_home_panels(request: HttpRequest) -> list[SafeString]:
    """The HTML of every home block that has something to show, in their order."""
    rendered = []
    for panel in sorted(_home_registry, key=_home_registry.__getitem__):
        result = panel(request)
        if result is not None:
            template_name, context = result
            rendered.append(render_to_string(template_name, context, request=request))
    return rendered

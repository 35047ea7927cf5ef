"""The site's structure, declared once: the sections of the main menu, the pages
under each, and from them every page's breadcrumb trail and the menu's current item.

Like the root URLconf, this names the apps' pages by their URL names (strings,
resolved when a page is drawn, never imported), so the core still imports no app.
A page with an address of its own (a list, a form) is a `Place`; the pages of
one object (a call, a sector, an action) are named in `details` of the place
they belong under, so that the menu marks their section, and their template
gives the trail the object's title:

    {% breadcrumbs "contactpoint:premises" premises.title %}
        Home / Sportello / Spazi disponibili / <the premises>
    {% breadcrumbs "actionplan:plans" plan.title plan_url action.title %}
        Home / Piano d'azione / <the plan> / <the action>

No level is ever skipped: a place's trail is its parent's trail and itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

Label = str | Promise


@dataclass(frozen=True)
class Place:
    """A page of the site with an address of its own, and what lies under it."""

    name: str  # its URL name: "contactpoint:premises"
    label: Label
    description: Label = ""
    children: tuple[Place, ...] = ()
    # URL names of the pages of single objects that belong here (a call's page).
    details: tuple[str, ...] = ()
    # Modello Comuni's `data-element` of a first-level item, where it has one.
    data_element: str = ""

    @property
    def url(self) -> str:
        try:
            return reverse(self.name)
        except NoReverseMatch:
            return ""


# The main menu: five sections, each a page of its own listing what is under it.
SECTIONS: tuple[Place, ...] = (
    Place(
        "directory:list",
        _("Directory"),
        _("The organisations of Genoa's creative cluster, by sector and place."),
        children=(
            Place(
                "directory:map",
                _("Map of the cluster"),
                _("Where the organisations of the cluster are."),
            ),
            Place(
                "directory:sectors",
                _("Sectors"),
                _("The twelve productive areas of the creative and cultural industry."),
                details=("directory:sector",),
            ),
            Place(
                "directory:register",
                _("Register your organisation"),
                _("Join the cluster: an account and your organisation's profile."),
                details=("directory:register_done", "directory:confirm_email"),
            ),
        ),
        details=("directory:detail",),
    ),
    Place(
        "contactpoint:home",
        pgettext_lazy("main navigation", "Contact point"),
        _("The City's desk for creative businesses: calls, guides, premises, questions."),
        children=(
            Place(
                "contactpoint:calls",
                _("Funding calls"),
                _("Grants, loans and calls for proposals open to creative businesses."),
                details=("contactpoint:call",),
            ),
            Place(
                "contactpoint:guides",
                _("Guides"),
                _("How to settle, get permits, incentives and funding in the metropolitan area."),
                details=("contactpoint:guide",),
            ),
            Place(
                "contactpoint:premises",
                _("Available premises"),
                _("Offices, studios, workshops and shops available for creative businesses."),
                children=(Place("contactpoint:premises_map", _("Map of the premises")),),
                details=("contactpoint:premises_detail",),
            ),
            Place(
                "contactpoint:ask",
                _("Ask the contact point"),
                _("A question to the desk's staff, answered by email."),
                details=(
                    "contactpoint:ask_sent",
                    "contactpoint:track",
                    "contactpoint:member_enquiry",
                ),
            ),
            Place(
                "contactpoint:alerts",
                _("Alerts by email"),
                _("New calls and premises of your sectors, once a week."),
                details=(
                    "contactpoint:alerts_done",
                    "contactpoint:alerts_confirm",
                    "contactpoint:alerts_unsubscribe",
                ),
            ),
        ),
    ),
    Place(
        "actionplan:plans",
        _("Action plan"),
        _("The Joint Action Plan of the partner cities: actions, indicators, progress."),
        details=(
            "actionplan:plan",
            "actionplan:print",
            "actionplan:versions",
            "actionplan:version",
            "actionplan:version_print",
            "actionplan:changes",
            "actionplan:action",
            "actionplan:follow",
            "actionplan:follow_confirm",
            "actionplan:follow_unsubscribe",
            "actionplan:consultation",
            "actionplan:consultation_action",
        ),
    ),
    Place(
        "data",
        _("Data and survey"),
        _("Figures of the cluster, the survey of the creative industry, the cities compared."),
        children=(
            Place(
                "directory:cluster",
                _("Cluster figures"),
                _("How many organisations, by sector, kind and place, with open data."),
            ),
            Place(
                "survey:list",
                _("Survey"),
                _("The survey of Genoa's creative industry and its published results."),
                details=(
                    "survey:campaign",
                    "survey:start",
                    "survey:invitation",
                    "survey:page",
                    "survey:summary",
                    "survey:reopen",
                    "survey_results:public",
                ),
            ),
            Place(
                "actionplan:benchmark",
                _("Benchmarking"),
                _("The partner cities compared on shared indicators, year by year."),
                details=("actionplan:benchmark_report",),
            ),
        ),
    ),
    Place(
        "directory:partners",
        _("Network"),
        _("The partner cities and institutions of Creative Cities."),
    ),
)

# Pages outside the menu that still sit in the hierarchy (under Home).
ELSEWHERE: tuple[Place, ...] = (
    Place("search", _("Search")),
    Place(
        "directory:account",
        _("Your account"),
        details=(
            "directory:edit",
            "directory:invite",
            "directory:confirm_profile",
            "directory:invitation",
        ),
        children=(
            Place("directory:account_delete", _("Delete your account")),
            Place("password_change", _("Change your password")),
        ),
    ),
    Place("actionplan:workspace", _("Plan workspace")),
)

HOME = "directory:home"


@dataclass(frozen=True)
class Crumb:
    label: Label
    url: str = ""  # "" for the page itself


@dataclass(frozen=True)
class _Node:
    place: Place
    parent: str | None
    section: str | None  # the menu section it is in
    ancestors: tuple[str, ...] = field(default=())


def _walk(places: tuple[Place, ...], parent: _Node | None, in_menu: bool) -> Iterator[_Node]:
    for place in places:
        section = (parent.section if parent else place.name) if in_menu else None
        ancestors = (*parent.ancestors, parent.place.name) if parent else ()
        node = _Node(place, parent.place.name if parent else None, section, ancestors)
        yield node
        yield from _walk(place.children, node, in_menu)


def _index() -> tuple[dict[str, _Node], dict[str, str]]:
    nodes: dict[str, _Node] = {}
    details: dict[str, str] = {}
    for node in [*_walk(SECTIONS, None, True), *_walk(ELSEWHERE, None, False)]:
        if node.place.name in nodes:
            raise ValueError(f"{node.place.name} is placed twice in the site's structure.")
        nodes[node.place.name] = node
        for detail in node.place.details:
            details[detail] = node.place.name
    return nodes, details


NODES, DETAILS = _index()


def place_of(view_name: str) -> str | None:
    """The place a page is at or belongs under: its own name, or for an object's
    page the place that lists such objects; None for pages outside the structure."""
    if view_name in NODES:
        return view_name
    return DETAILS.get(view_name)


def section_of(view_name: str) -> str | None:
    """Which section of the main menu a page is in (None: none, as the home page)."""
    name = place_of(view_name)
    return NODES[name].section if name else None


def trail(name: str, *tail: Any) -> list[Crumb]:
    """The breadcrumb trail of a page: Home, every place above it, and the page.

    `name` is a place ("" for Home itself). Without `tail` the page is that
    place. Otherwise the place is linked and `tail` continues below it: pairs
    of a label and an address (a plan under the plans), then the page's own
    label (an action).
    """
    if name and name not in NODES:
        raise KeyError(f"{name} is not a place of the site (creativecities/navigation.py).")
    if tail and len(tail) % 2 == 0:
        raise ValueError("The trail below a place ends with the page's own label.")
    crumbs = [Crumb(_("Home"), reverse(HOME))]
    if name:
        node = NODES[name]
        crumbs += [
            Crumb(NODES[above].place.label, NODES[above].place.url) for above in node.ancestors
        ]
        if not tail:
            return [*crumbs, Crumb(node.place.label)]
        crumbs.append(Crumb(node.place.label, node.place.url))
    *pairs, last = tail
    crumbs += [Crumb(label, url) for label, url in zip(pairs[::2], pairs[1::2], strict=True)]
    return [*crumbs, Crumb(last)]


def trail_here(view_name: str, label: Label) -> list[Crumb]:
    """The trail of a page drawn by a template shared by several views (the
    account's forms): the places above the view that answered, then `label`."""
    name = place_of(view_name)
    if name is None:
        return trail("", label)
    if name != view_name:
        return trail(name, label)
    return trail(NODES[name].parent or "", label)


@dataclass(frozen=True)
class MenuItem:
    label: Label
    url: str
    data_element: str
    current: bool  # the page itself
    active: bool  # the page or one under it
    children: list[MenuItem]


def main_menu(view_name: str) -> list[MenuItem]:
    """The main menu as it shows on a page: its sections, each with the pages
    under it, the page's section marked."""
    here = place_of(view_name)
    section = section_of(view_name)

    def item(place: Place) -> MenuItem:
        return MenuItem(
            label=place.label,
            url=place.url,
            data_element=place.data_element,
            current=place.name == view_name,
            active=place.name == here or place.name == section,
            children=[item(child) for child in place.children],
        )

    return [item(place) for place in SECTIONS]


def section_page(name: str) -> Place:
    """A section and the pages under it, for the section's own page."""
    return NODES[name].place

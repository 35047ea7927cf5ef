"""No URL of the portal answers 500 on malformed input.

Every URL pattern of the project (found by walking the resolver, the admin
included) is asked for with malformed values in each of its parameters, after
its path and in its query string: as a visitor, as a member of an organisation
and as desk staff. A pattern under the language prefix is probed in one
language, Italian and English by turns (the same view answers both). A
representative list, not a fuzzing campaign: what a probe tries first.

Then every change list registered on the admin site is asked for with a NUL,
control characters and 10 kB in each query-string parameter it reads (its
filters', its date hierarchy's, search, ordering, paging), one at a time, as a
superuser and as desk staff.

The routes are probed in slices (`SLICES`), so that parallel test workers share
the crawl; each slice is a test of its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.admin.views.main import (
    ALL_VAR,
    ERROR_FLAG,
    IS_FACETS_VAR,
    ORDER_VAR,
    PAGE_VAR,
    SEARCH_VAR,
)
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.regex_helper import normalize

from creativecities.links.tokens import confirmation_token
from directory.models import Organisation, User
from directory.services import invitations
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.helpers import path_in_mail

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# How many tests each crawl is cut into.
SLICES = 4
SLICE = list(range(SLICES))

# Values as they travel in a URL (percent-encoded where a client must encode).
NUL = "%00"
MALFORMED = {
    "nul": NUL,
    "control characters": "%01%08%0d%0a%1b%7f",
    "overlong": "a" * 10_000,
    "invalid utf-8": "%ff%fe%c0%af",
    "lone percent": "%",
    "dot segments": "..%2f..%5c..%2fetc%2fpasswd",
    "unicode": "%e2%80%ae%f0%9f%98%80caf%c3%a9",
    "sql": "1%27%20OR%20%271%27=%271--",
    "html": "%3Cscript%3Ealert(1)%3C/script%3E",
}
# Well-formed but out of range: each pattern may accept them; the view decides.
ODD = {
    "negative": "-1",
    "huge number": "9" * 40,
    "trailing dot": "x.",
}
# The names the portal's pages and the admin read from a query string.
QUERY_NAMES = (
    "page",
    "q",
    "sector",
    "kind",
    "municipality",
    "size",
    "international",
    "sort",
    "next",
    "token",
    "o",
    "p",
    "e",
    "all",
    "_changelist_filters",
    "_to_field",
    "_popup",
    "status__exact",
    "created_at__gte",
)
# Django's own views (the admin, the password reset) get the inputs that differ
# in how they are decoded and stored; the portal's own patterns get them all.
SHORT = ("nul", "control characters", "overlong", "invalid utf-8", "unicode")
# After a path and in a query string.
APPENDED = ("nul", "control characters", "invalid utf-8", "overlong")


@dataclass(frozen=True)
class Route:
    """A URL pattern as a format string with the names of its parameters."""

    template: str
    params: tuple[str, ...]
    name: str
    module: str

    @property
    def admin(self) -> bool:
        return self.template.startswith("/admin/")

    @property
    def personal(self) -> bool:
        """A page of the portal that acts on who is logged in."""
        return self.module in ("directory.views.members", "django.contrib.auth.views")

    @property
    def ours(self) -> bool:
        """A page of the portal's own apps, whose patterns are all strict."""
        return self.name.startswith("directory")

    def url(self, **values: str) -> str:
        return self.template % values


def _routes(
    patterns: list[Any], prefix: str, params: tuple[str, ...], name: str
) -> Iterator[Route]:
    for pattern in patterns:
        # The same helper `reverse` uses: a regex as a format string and its groups.
        bit, names = normalize(pattern.pattern.regex.pattern)[0]
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from _routes(
                pattern.url_patterns, prefix + bit, params + tuple(names), name + namespace
            )
        elif isinstance(pattern, URLPattern):
            yield Route(
                prefix + bit,
                params + tuple(names),
                name + (pattern.name or "?"),
                getattr(pattern.callback, "__module__", ""),
            )


def project_routes() -> list[Route]:
    """Every URL pattern of the project, once per language prefix."""
    found: dict[str, Route] = {}
    for language in ("it", "en"):
        with translation.override(language):
            for route in _routes(get_resolver().url_patterns, "/", (), ""):
                found.setdefault(route.template, route)
    return list(found.values())


def probed_routes(slice_: int) -> list[Route]:
    """One slice of the routes to probe: each pattern once, in one language."""
    by_pattern: dict[str, list[Route]] = {}
    for route in project_routes():
        by_pattern.setdefault(re.sub(r"^/(it|en)/", "/", route.template), []).append(route)
    once = [routes[n % len(routes)] for n, routes in enumerate(by_pattern.values())]
    return once[slice_::SLICES]


@pytest.fixture
def probe_values(
    db: Any, django_capture_on_commit_callbacks: Any, mailoutbox: list[Any]
) -> dict[str, str]:
    """Well-formed values for every parameter, pointing at real rows where the
    URL names one, so that the malformed part is the only thing wrong."""
    owner = UserFactory.create(email="probe.owner@example.org")
    organisation = OrganisationFactory.create(name="Sonda Studio", members=[owner])
    waiting = UserFactory.create(email="probe.waiting@example.org", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invitation_send(
            organisation=organisation, email="probe.guest@example.org", by=owner, language="en"
        )
    invitation = path_in_mail(path=r"/en/invitations/[^/\s]+/").split("/")[-2]
    return {
        "slug": organisation.slug,
        "token": confirmation_token(waiting),
        "invitation": invitation,
        "uidb64": "MQ",
        "app_label": "directory",
        "model_name": "organisation",
        "object_id": str(organisation.pk),
        "content_type_id": "1",
        "fmt": "csv",
        "url": "missing",
    }


def good_values(route: Route, values: dict[str, str]) -> dict[str, str]:
    found = {name: values.get(name, "1") for name in route.params}
    if route.name == "directory:invitation":
        found["token"] = values["invitation"]
    elif route.name == "directory:sector":
        found["slug"] = "design"
    elif route.name == "directory:page":
        found["slug"] = "privacy"
    return found


def probes(route: Route, values: dict[str, str]) -> Iterator[tuple[str, str, bool]]:
    """(what, URL, whether the input is outside what the pattern accepts)."""
    good = good_values(route, values)
    base = route.url(**good)
    inputs = (
        {**MALFORMED, **ODD}
        if route.ours
        else {
            **{what: MALFORMED[what] for what in SHORT},
            **ODD,
        }
    )
    for param in route.params:
        for what, value in inputs.items():
            yield f"{param}={what}", route.url(**{**good, param: value}), what in MALFORMED
    for what in APPENDED:
        value = MALFORMED[what]
        if route.ours or what in ("nul", "overlong"):
            yield f"after the path: {what}", base + value, True
        # Every name gets the value, but a 10 kB one goes in once.
        names = QUERY_NAMES[:1] if what == "overlong" else QUERY_NAMES
        query = "&".join(f"{name}={value}" for name in names)
        yield f"query: {what}", f"{base}?{query}&{value}", False


@pytest.fixture
def probe_client(
    request: pytest.FixtureRequest, client: Client, probe_values: dict[str, str]
) -> Client:
    who = request.param
    client.raise_request_exception = False  # a 500 is counted, not raised
    if who == "member":
        client.force_login(User.objects.get(email="probe.owner@example.org"))
    elif who == "staff":
        client.force_login(request.getfixturevalue("staff_user"))
    return client


def failures(client: Client, routes: list[Route], values: dict[str, str]) -> list[str]:
    """What answered 500 (or, for a malformed part of a portal URL, anything but
    400 or 404). The logs stay quiet: thousands of 404s and 400s say nothing."""
    logging.disable(logging.CRITICAL)
    try:
        return _failures(client, routes, values)
    finally:
        logging.disable(logging.NOTSET)


def _failures(client: Client, routes: list[Route], values: dict[str, str]) -> list[str]:
    found = []
    for route in routes:
        for what, url, malformed in probes(route, values):
            status = client.get(url).status_code
            if status >= HTTPStatus.INTERNAL_SERVER_ERROR:
                found.append(f"{status} {route.name} ({what}): {url[:120]}")
            elif malformed and route.ours and status not in (400, 404):
                found.append(f"{status}, not 400/404, {route.name} ({what}): {url[:120]}")
    return found


def test_the_walk_covers_every_kind_of_route() -> None:
    """The walk itself: the patterns the probes below rely on are all in it."""
    routes = {route.template: route for route in project_routes()}

    assert "/it/directory/%(slug)s/" in routes
    assert "/en/directory/%(slug)s/" in routes
    assert routes["/en/invitations/%(token)s/"].name == "directory:invitation"
    assert "/it/register/confirm/%(token)s/" in routes
    assert "/en/accounts/reset/%(uidb64)s/%(token)s/" in routes
    assert "/directory/export.%(fmt)s" in routes
    assert "/admin/directory/organisation/%(object_id)s/change/" in routes
    assert len(routes) > 100


@pytest.mark.parametrize("slice_", SLICE)
@pytest.mark.parametrize("probe_client", ["anonymous"], indirect=True)
def test_no_page_of_the_portal_fails_on_malformed_input(
    probe_client: Client, probe_values: dict[str, str], slice_: int
) -> None:
    routes = [route for route in probed_routes(slice_) if not route.admin]

    found = failures(probe_client, routes, probe_values)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("probe_client", ["member"], indirect=True)
def test_no_member_page_fails_on_malformed_input(
    probe_client: Client, probe_values: dict[str, str]
) -> None:
    """Logged in, again the pages whose answer depends on who it is (the
    others only greet them in the header)."""
    routes = [route for n in SLICE for route in probed_routes(n) if route.personal]

    found = failures(probe_client, routes, probe_values)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("slice_", SLICE)
@pytest.mark.parametrize("probe_client", ["anonymous", "staff"], indirect=True)
def test_no_page_of_the_admin_fails_on_malformed_input(
    probe_client: Client, probe_values: dict[str, str], slice_: int
) -> None:
    routes = [route for route in probed_routes(slice_) if route.admin]

    found = failures(probe_client, routes, probe_values)
    assert not found, "\n".join(found)


def test_the_slices_probe_every_pattern_once_in_both_languages_by_turns() -> None:
    probed = [route.template for n in SLICE for route in probed_routes(n)]
    patterns = {re.sub(r"^/(it|en)/", "/", route.template) for route in project_routes()}

    assert len(probed) == len(set(probed)) == len(patterns)
    assert {re.sub(r"^/(it|en)/", "/", template) for template in probed} == patterns
    assert any(t.startswith("/it/") for t in probed) and any(t.startswith("/en/") for t in probed)


def test_a_well_formed_value_reaches_its_page(client: Client, probe_values: dict[str, str]) -> None:
    """The other side of the probes: the values they spoil are good ones."""
    organisation = Organisation.objects.get(slug=probe_values["slug"])

    assert client.get(f"/en/directory/{organisation.slug}/").status_code == HTTPStatus.OK
    invitation = client.get(f"/en/invitations/{probe_values['invitation']}/")
    assert invitation.status_code == HTTPStatus.OK
    confirm = client.get(f"/it/register/confirm/{probe_values['token']}/")
    assert confirm.status_code == HTTPStatus.OK  # the page that asks for the click
    assert "Conferma il mio indirizzo email" in confirm.content.decode()


# Every change list of the admin, one query-string parameter at a time: the names
# the admin itself reads, each filter's own names and the date hierarchy's, and a
# name of nobody's. One at a time, because a change list sends any request with a
# lookup it does not know to `?e=1` before it reads the others.
CHANGE_LIST_NAMES = (
    SEARCH_VAR,
    ORDER_VAR,
    PAGE_VAR,
    ALL_VAR,
    ERROR_FLAG,
    IS_FACETS_VAR,
    IS_POPUP_VAR,
    TO_FIELD_VAR,
    "_changelist_filters",
    "unknown",
)
CHANGE_LIST_VALUES = {
    "nul": NUL,
    "nul inside": f"a{NUL}b",
    "control characters": MALFORMED["control characters"],
    "overlong": "a" * 10_000,
}


@dataclass(frozen=True)
class ChangeList:
    """A registered admin's change list and the query-string names it reads."""

    url: str
    names: tuple[str, ...]


def admin_change_lists(superuser: User) -> list[ChangeList]:
    """Every model admin registered on the site, with the parameters of its
    filters as its change list reports them to a superuser."""
    client = Client()
    client.force_login(superuser)
    found = []
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        change_list = response.context["cl"]
        names = [name for spec in change_list.filter_specs for name in spec.expected_parameters()]
        if change_list.date_hierarchy:
            names += [f"{change_list.date_hierarchy}__{part}" for part in ("year", "month", "day")]
        found.append(ChangeList(url, (*dict.fromkeys(names), *CHANGE_LIST_NAMES)))
    return found


def change_list_probes(change_list: ChangeList) -> Iterator[tuple[str, str]]:
    for what, value in CHANGE_LIST_VALUES.items():
        for name in change_list.names:
            yield f"{name}={what}", f"{change_list.url}?{name}={value}"
        yield f"name: {what}", f"{change_list.url}?{value[:200]}=1"


@pytest.mark.parametrize("slice_", SLICE)
@pytest.mark.parametrize("who", ["superuser", "staff"])
def test_no_change_list_of_the_admin_fails_on_malformed_input(
    client: Client, admin_user: User, staff_user: User, who: str, slice_: int
) -> None:
    """A NUL (which PostgreSQL text cannot hold), control characters or 10 kB in
    any parameter of any change list: a page, a redirect or a 400, never a 500.
    Desk staff also meet the lists they may not see (403)."""
    change_lists = admin_change_lists(admin_user)[slice_::SLICES]
    client.raise_request_exception = False
    client.force_login(admin_user if who == "superuser" else staff_user)
    allowed = {HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.BAD_REQUEST}
    if who == "staff":
        allowed.add(HTTPStatus.FORBIDDEN)

    found = []
    logging.disable(logging.CRITICAL)
    try:
        for change_list in change_lists:
            for what, url in change_list_probes(change_list):
                status = client.get(url).status_code
                if status not in allowed:
                    found.append(f"{status} {change_list.url} ({what})")
    finally:
        logging.disable(logging.NOTSET)
    assert not found, "\n".join(found)


def test_the_change_lists_walked_are_every_registered_one(admin_user: User) -> None:
    """The walk's other side: it reaches every registered admin, and the filters'
    own parameters are among the names it spoils."""
    change_lists = {change_list.url: change_list for change_list in admin_change_lists(admin_user)}

    assert len(change_lists) == len(admin.site._registry)
    assert "status__exact" in change_lists["/admin/directory/organisation/"].names
    assert "groups__id__exact" in change_lists["/admin/directory/user/"].names
    assert "/admin/auth/group/" in change_lists

"""The header: the main menu's current section and page, the one search, the
login, and what the header keeps in the cache."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db

# A marked item of the menu: its address and whether it is the page itself
# ("page") or the section or list the page is in ("true").
CURRENT = re.compile(r'<a class="nav-link active"\s+href="([^"]*)"\s+aria-current="(page|true)">')


def marked(client: Client, path: str, **query: str) -> list[tuple[str, str]]:
    return CURRENT.findall(client.get(path, query).content.decode())


def test_the_menu_marks_the_section_and_the_page_whatever_the_query(client: Client) -> None:
    assert marked(client, "/en/") == []
    assert marked(client, "/en/directory/", q="studio", page="1") == [("/en/directory/", "page")]
    assert marked(client, "/it/contact-point/") == [("/it/contact-point/", "page")]
    assert marked(client, "/en/contact-point/calls/") == [
        ("/en/contact-point/", "true"),
        ("/en/contact-point/calls/", "page"),
    ]
    assert marked(client, "/en/privacy/") == []


def test_an_objects_page_marks_its_section_and_its_list(client: Client) -> None:
    """A sector's page is in the directory's section, under its sectors."""
    assert marked(client, "/en/sectors/cinema/") == [
        ("/en/directory/", "true"),
        ("/en/sectors/", "true"),
    ]
    assert marked(client, "/it/cluster/") == [("/it/data/", "true"), ("/it/cluster/", "page")]


def test_the_menu_has_five_sections_each_a_page_of_its_own(client: Client) -> None:
    content = client.get("/it/").content.decode()
    menu = content.partition('data-element="main-navigation"')[2].partition("navbar-secondary")[0]
    sections = re.findall(r'<li class="nav-item">\s*<a class="nav-link"\s+href="([^"]*)"', menu)
    assert sections == [
        "/it/directory/",
        "/it/contact-point/",
        "/it/action-plan/",
        "/it/data/",
        "/it/partners/",
    ]
    for path in sections:
        assert client.get(path).status_code == 200, path
    # The funding calls are one click away on every page, and sit under the desk.
    assert 'href="/it/contact-point/calls/?status=open"' in content
    assert (
        '<a class="nav-link"\n                                 href="/it/contact-point/calls/"'
        in menu
    )


def test_the_header_searches_the_whole_site_in_the_pages_language(client: Client) -> None:
    for path, action in [("/it/", "/it/cerca/"), ("/en/partners/", "/en/search/")]:
        content = client.get(path).content.decode()
        header = content.partition("</header>")[0]
        assert f'action="{action}"' in header, path
        assert 'data-element="search-modal-input"' in header
        assert 'data-element="search-submit"' in header
        # Phones get a link to the search page, which works without a script.
        assert f'href="{action}"\n                   data-element="search-modal-button"' in header


def test_the_slim_header_names_the_city_and_the_personal_area(client: Client) -> None:
    header = client.get("/it/cluster/").content.decode().partition("</header>")[0]
    assert 'href="https://www.comune.genova.it/">Comune di Genova</a>' in header
    login = re.search(
        r'<a [^>]*href="(/it/accounts/login/[^"]*)"\s+data-element="personal-area-login"', header
    )
    assert login and login.group(1) == "/it/accounts/login/?next=/it/cluster/"
    assert "Accedi all'area personale" in header


def test_a_partner_user_reaches_the_plan_workspace_from_the_header(client: Client) -> None:
    from actionplan.models import PartnerRole
    from tests.actionplan.factories import PartnerMemberFactory

    member = PartnerMemberFactory.create(role=PartnerRole.VIEWER)
    client.force_login(member.user)
    header = client.get("/it/").content.decode().partition("</header>")[0]
    assert 'href="/it/action-plan/workspace/">Area di lavoro del Piano</a>' in header
    assert 'data-element="personal-area-login"' not in header
    client.force_login(UserFactory.create())
    header = client.get("/it/").content.decode().partition("</header>")[0]
    assert "Area di lavoro del Piano" not in header and "Il tuo account" in header


def test_the_cached_navigation_follows_the_page_and_the_language(client: Client) -> None:
    """Each kind of page keeps its own copy: a page never shows another's current item."""
    caches["default"].clear()
    client.get("/en/")
    assert marked(client, "/en/directory/") == [("/en/directory/", "page")]
    assert marked(client, "/it/directory/") == [("/it/directory/", "page")]
    assert marked(client, "/en/") == []


def test_the_address_of_a_page_never_reaches_the_cache(client: Client) -> None:
    """The language links and the login's `next` carry the address, which for
    the desk's tracking pages holds a secret token: they are drawn every time."""
    caches["default"].clear()
    secret = "/en/directory/?q=a-secret-looking-query"
    content = client.get(secret).content.decode()
    assert "a-secret-looking-query" in content  # the page itself links to its address
    stored = caches["default"]._cache.values()  # type: ignore[attr-defined]
    assert stored and not any(b"a-secret-looking-query" in value for value in stored)

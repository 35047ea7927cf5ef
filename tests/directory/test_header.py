"""The header: the current item of the navigation, and what it keeps in the cache."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<a class="nav-link active"\s+href="([^"]*)"\s+aria-current="page">')


def test_the_navigation_marks_the_page_of_each_kind_whatever_its_query(client: Client) -> None:
    assert CURRENT.findall(client.get("/en/").content.decode()) == ["/en/"]
    directory = client.get("/en/directory/", {"q": "studio", "page": "1"}).content.decode()
    assert CURRENT.findall(directory) == ["/en/directory/"]
    assert CURRENT.findall(client.get("/it/contact-point/").content.decode()) == [
        "/it/contact-point/"
    ]
    assert CURRENT.findall(client.get("/en/privacy/").content.decode()) == []


def test_the_cached_navigation_follows_the_page_and_the_language(client: Client) -> None:
    """Each kind of page keeps its own copy: a page never shows another's current item."""
    caches["default"].clear()
    client.get("/en/")
    assert CURRENT.findall(client.get("/en/directory/").content.decode()) == ["/en/directory/"]
    assert CURRENT.findall(client.get("/it/directory/").content.decode()) == ["/it/directory/"]
    assert CURRENT.findall(client.get("/en/").content.decode()) == ["/en/"]


def test_the_address_of_a_page_never_reaches_the_cache(client: Client) -> None:
    """The language links and the login's `next` carry the address, which for
    the desk's tracking pages holds a secret token: they are drawn every time."""
    caches["default"].clear()
    secret = "/en/directory/?q=a-secret-looking-query"
    content = client.get(secret).content.decode()
    assert "a-secret-looking-query" in content  # the page itself links to its address
    stored = caches["default"]._cache.values()  # type: ignore[attr-defined]
    assert stored and not any(b"a-secret-looking-query" in value for value in stored)

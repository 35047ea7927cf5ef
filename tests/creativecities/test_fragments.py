"""A page reads its cached fragments in one round trip to the cache, and its
list's cards come from the cache until the thing they show changes."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.cache import caches
from django.test import Client

from tests.directory.factories import UserFactory
from tests.directory.searchable import searchable

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_rendered(settings: LazySettings) -> None:
    """Every page below is rendered, as for a member or on the page cache's
    first request: the page cache is off."""
    settings.PAGE_CACHE = False


FRAGMENT = "template.cache."
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def without_token(page: str) -> str:
    """The page without the logout form's token, masked anew for each response."""
    return CSRF_TOKEN.sub("", page)


@pytest.fixture
def cache_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """Every read of a fragment from the default cache, as the list of keys each
    `get` or `get_many` asked for."""
    backend = caches["default"]
    reads: list[list[str]] = []
    get, get_many = backend.get, backend.get_many
    inside_get_many: list[bool] = []  # the local-memory cache's get_many calls get

    def spy_get(key: str, *args: Any, **kwargs: Any) -> Any:
        if key.startswith(FRAGMENT) and not inside_get_many:
            reads.append([key])
        return get(key, *args, **kwargs)

    def spy_get_many(keys: Any, *args: Any, **kwargs: Any) -> Any:
        keys = list(keys)
        if any(key.startswith(FRAGMENT) for key in keys):
            reads.append(keys)
        inside_get_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(backend, "get", spy_get)
    monkeypatch.setattr(backend, "get_many", spy_get_many)
    yield reads


@pytest.fixture
def twenty_profiles(db: Any) -> None:
    for number in range(25):
        searchable(name=f"Studio {number:02d}", slug=f"studio-{number:02d}")


@pytest.mark.parametrize(
    "url", ["/en/directory/", "/en/directory/?sort=newest", "/en/directory/?q=studio"]
)
def test_a_list_page_reads_its_cards_and_fragments_at_once(
    client: Client, twenty_profiles: None, cache_reads: list[list[str]], url: str
) -> None:
    client.force_login(UserFactory())
    first = client.get(url).content.decode()
    cache_reads.clear()

    again = client.get(url).content.decode()

    assert len(cache_reads) == 1
    # Twenty cards, the navigation, the footer and the filter form.
    assert len(cache_reads[0]) == 23
    assert without_token(again) == without_token(first)
    assert again.count('class="card card-bg no-after portal-org-card"') == 20


def test_a_profile_reads_its_fragments_at_once(
    client: Client, twenty_profiles: None, cache_reads: list[list[str]]
) -> None:
    first = client.get("/en/directory/studio-03/").content.decode()
    cache_reads.clear()

    again = client.get("/en/directory/studio-03/").content.decode()

    assert [len(keys) for keys in cache_reads] == [5]  # head, crumbs, body, navigation, footer
    assert again == first
    assert "<h1>Studio 03</h1>" in again


def test_a_card_is_drawn_from_the_cache_until_its_profile_changes(client: Client) -> None:
    organisation = searchable(name="Atelier", slug="atelier", short_description_en="Old words.")
    client.get("/en/directory/")
    cards = [key for key in caches["default"]._cache if "card" in key]  # type: ignore[attr-defined]
    assert len(cards) == 1

    organisation.short_description_en = "New words."
    organisation.save()
    body = client.get("/en/directory/").content.decode()

    assert "New words." in body
    assert "Old words." not in body

"""The list page rendered by Jinja2 (`bench/jinja/`): the same HTML as Django's
for the same context, so that the benchmark compares the engines on one page."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.cache import cache
from django.test import Client

from bench import jinja
from directory.models import Organisation
from tests.directory.searchable import searchable, sector

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]

PER_PAGE = 20


@pytest.fixture(autouse=True)
def jinja_engine(settings: LazySettings) -> None:
    """The Jinja2 engine beside Django's, as `bench/settings.py` adds it."""
    engine: dict[str, Any] = settings.TEMPLATES[0]
    settings.TEMPLATES = [engine, jinja.engine(engine["OPTIONS"]["context_processors"])]


@pytest.fixture
def two_sectors_and_a_page_more() -> list[Organisation]:
    """One page and one more organisation, in two sectors."""
    return [
        searchable(
            name=f"Studio {number:02}",
            slug=f"studio-{number:02}",
            primary_sector=sector("design" if number % 2 else "music-performing-arts"),
        )
        for number in range(PER_PAGE + 1)
    ]


def normalised(html: str) -> str:
    """The page with whitespace collapsed and dropped around tags, and the two
    characters markupsafe escapes otherwise than Django written as Django does."""
    html = re.sub(r"\s+", " ", html)
    html = re.sub(r" ?(<[^>]*>) ?", r"\1", html)
    return html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")


def normalised_page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK, path
    return normalised(response.content.decode())


@pytest.mark.parametrize(
    "query",
    [
        "",  # the first page: the filter form from its fragment, pagination
        "?page=2",  # the last page: a link back
        "?q=nowhere&sector=design",  # no match: the form drawn whole, filters to remove
    ],
)
@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("fragments", ["rendered", "cached"])
def test_jinja_draws_the_list_page_as_django_does(
    client: Client,
    two_sectors_and_a_page_more: list[Organisation],
    language: str,
    query: str,
    fragments: str,
) -> None:
    django_path = f"/{language}/directory/{query}"
    jinja_path = f"/{language}/bench/jinja/directory/{query}"
    if fragments == "rendered":  # each engine draws the header's menu, footer and filters
        cache.clear()
        by_django = normalised_page(client, django_path)
        cache.clear()
        by_jinja = normalised_page(client, jinja_path)
    else:
        by_django = normalised_page(client, django_path)
        by_jinja = normalised_page(client, jinja_path)

    # The login link brings the visitor back to the address asked for.
    asked, listed = jinja_path.split("?")[0], django_path.split("?")[0]
    by_jinja = by_jinja.replace(f"?next={asked}", f"?next={listed}")
    assert by_jinja == by_django
    shown = "Studio 20" if "page=2" in query else "Studio 00"
    if "q=" in query:
        assert "nowhere" in by_jinja and "Studio 0" not in by_jinja
    else:
        assert shown in by_jinja
    assert 'class="it-footer"' in by_jinja and "main-navigation" in by_jinja

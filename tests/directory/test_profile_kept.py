"""A profile read once and kept under the directory's versions: the next visitor's
page costs no query, and every change of the profile shows on the next request."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from directory.models import Organisation
from directory.profiles import kept_profile
from tests.directory.searchable import searchable, sector

pytestmark = pytest.mark.django_db

PATH = "/it/directory/studio-kept/"


@pytest.fixture
def kept(client: Client, settings: Any) -> Organisation:
    """A public profile, asked for once: its read is kept (the page cache is off)."""
    settings.PAGE_CACHE = False
    cache.clear()
    organisation = searchable(name="Studio Kept", slug="studio-kept")
    assert client.get(PATH).status_code == HTTPStatus.OK
    return organisation


def test_the_next_visit_reads_nothing(
    client: Client, kept: Organisation, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):
        response = client.get(PATH)

    assert "Studio Kept" in response.content.decode()


def test_an_edit_shows_on_the_next_request(client: Client, kept: Organisation) -> None:
    kept.name = "Studio Renamed"
    kept.save()

    assert "Studio Renamed" in client.get(PATH).content.decode()


def test_a_profile_taken_off_the_directory_is_gone_at_once(
    client: Client, kept: Organisation
) -> None:
    kept.status = Organisation.Status.DRAFT
    kept.save()

    assert client.get(PATH).status_code == HTTPStatus.NOT_FOUND


def test_a_deleted_profile_is_gone_at_once(client: Client, kept: Organisation) -> None:
    kept.delete()

    assert client.get(PATH).status_code == HTTPStatus.NOT_FOUND


def test_a_new_sector_is_read_again(client: Client, kept: Organisation) -> None:
    """What the profile's kept fragments show follows its `updated_at` (a form's
    save); the read behind them follows any change of its sectors at once."""
    kept.sectors.add(sector("cinema"))

    profile = kept_profile("studio-kept")

    assert profile is not None
    assert sector("cinema").pk in profile.sector_ids  # type: ignore[attr-defined]


def test_a_kept_profile_still_lapses_with_the_clock(
    client: Client, kept: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = timezone.now() + Organisation.LAPSE_AFTER + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert client.get(PATH).status_code == HTTPStatus.NOT_FOUND


def test_an_unknown_address_is_not_kept(client: Client, kept: Organisation) -> None:
    before = len(cache._cache)  # type: ignore[attr-defined]

    for number in range(5):
        assert client.get(f"/it/directory/made-up-{number}/").status_code == HTTPStatus.NOT_FOUND

    assert len(cache._cache) == before  # type: ignore[attr-defined]

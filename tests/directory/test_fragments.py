"""Cached fragments and reference data never show what has changed for longer than a
minute, and a change to a profile shows at once."""

import datetime
import re
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from django.utils import formats, timezone, translation

from directory.models import Organisation
from directory.services.organisations import organisation_confirm_current
from tests.directory.factories import SectorFactory, UserFactory
from tests.directory.searchable import searchable, sector

pytestmark = pytest.mark.django_db


def test_an_edited_profile_shows_at_once_on_its_card_and_page(client: Client) -> None:
    organisation = searchable(slug="studio", short_description_en="Old words.")
    assert "Old words." in client.get("/en/directory/").content.decode()
    assert "Old words." in client.get("/en/directory/studio/").content.decode()

    organisation.short_description_en = "New words."
    organisation.save()

    assert "New words." in client.get("/en/directory/").content.decode()
    assert "New words." in client.get("/en/directory/studio/").content.decode()


def test_a_confirmation_shows_at_once_on_the_profile(
    client: Client, settings: LazySettings
) -> None:
    # The fragments of a rendered page (a member's, or the page cache's first
    # rendering): the page cache is off here.
    settings.PAGE_CACHE = False
    member = UserFactory()
    organisation = searchable(
        slug="studio", confirmed_at=timezone.now() - datetime.timedelta(days=200), members=[member]
    )
    client.get("/en/directory/studio/")

    confirmed = organisation_confirm_current(organisation=organisation, by=member).confirmed_at

    with translation.override("en"):
        shown = formats.date_format(timezone.localtime(confirmed), "DATE_FORMAT")
    assert f"Last confirmed on {shown}" in client.get("/en/directory/studio/").content.decode()


def test_the_profiles_fragments_follow_a_bulk_update_of_its_confirmation(
    client: Client, settings: LazySettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulk update sends no signal and leaves `updated_at` alone: once the read of
    the profile is not kept (`PROFILE_SECONDS`), its kept fragments must follow."""
    settings.PAGE_CACHE = False
    monkeypatch.setattr("directory.profiles.PROFILE_SECONDS", 0)
    searchable(slug="studio", confirmed_at=timezone.now() - datetime.timedelta(days=200))
    client.get("/en/directory/studio/")
    confirmed = timezone.now()

    Organisation.objects.filter(slug="studio").update(confirmed_at=confirmed)

    with translation.override("en"):
        shown = formats.date_format(timezone.localtime(confirmed), "DATE_FORMAT")
    assert f"Last confirmed on {shown}" in client.get("/en/directory/studio/").content.decode()


def test_a_sector_newer_than_the_cached_ones_still_names_its_cards(client: Client) -> None:
    client.get("/en/directory/")  # the reference data is now cached
    crafts = SectorFactory(slug="crafts", name_en="Art crafts", name_it="Artigianato")
    searchable(name="Bottega", slug="bottega", primary_sector=crafts)

    assert "Art crafts" in client.get("/en/directory/").content.decode()
    assert "Art crafts" in client.get("/en/directory/bottega/").content.decode()


def test_each_search_shows_its_own_choices(client: Client) -> None:
    first = client.get("/en/directory/?sector=design").content.decode()
    second = client.get("/en/directory/?sector=cinema").content.decode()

    assert re.search(r'<option value="design" selected>', first)
    assert re.search(r'<option value="cinema" selected>', second)
    assert not re.search(r'<option value="design" selected>', second)


def test_the_cached_header_is_only_for_anonymous_visitors(client: Client) -> None:
    anonymous = client.get("/en/directory/?q=x").content.decode()
    client.force_login(UserFactory(first_name="Giulia"))
    signed_in = client.get("/en/directory/?q=x").content.decode()

    assert 'href="/it/directory/?q=x"' in anonymous
    assert "Giulia" not in anonymous
    assert "Giulia" in signed_in
    assert "Log out" in signed_in


def test_connections_prefer_the_search_index() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_the_words_searched_are_shown_in_their_own_form_and_never_cached(client: Client) -> None:
    from django.core.cache import cache

    searchable(name="Studio Liuteria", slug="studio")
    first = client.get("/en/directory/?q=liuteria&sort=name").content.decode()
    second = client.get("/en/directory/?q=studio&sort=name").content.decode()

    assert 'value="liuteria"' in first
    assert 'value="studio"' in second and 'value="liuteria"' not in second
    assert '<option value="name" selected>' in second
    cached = [str(value) for value in cache._cache.values()]  # type: ignore[attr-defined]
    assert not [value for value in cached if 'value="liuteria"' in value]


def test_the_count_of_a_browsed_list_is_kept_until_an_organisation_changes(
    client: Client, settings: LazySettings, django_assert_num_queries: Any
) -> None:
    settings.PAGE_CACHE = False  # the list rendered each time, as for a member
    searchable(name="Studio Alfa", slug="alfa")
    assert "Organisations found: 1" in client.get("/en/directory/").content.decode()

    # Counted once: the next visitor's page reads the count kept, and only the page's rows.
    with django_assert_num_queries(1):
        assert "Organisations found: 1" in client.get("/en/directory/").content.decode()

    searchable(name="Studio Beta", slug="beta")
    assert "Organisations found: 2" in client.get("/en/directory/").content.decode()
    # Sorted otherwise, the same organisations: the same count.
    assert "Organisations found: 2" in client.get("/en/directory/?sort=newest").content.decode()


def test_a_count_is_kept_for_its_own_filters_only(client: Client, settings: LazySettings) -> None:
    settings.PAGE_CACHE = False
    searchable(name="Studio Alfa", slug="alfa", primary_sector=sector("design"))
    searchable(name="Studio Beta", slug="beta", primary_sector=sector("cinema"))
    searchable(name="Studio Gamma", slug="gamma", primary_sector=sector("cinema"))

    assert "Organisations found: 3" in client.get("/en/directory/").content.decode()
    assert "Organisations found: 1" in client.get("/en/directory/?sector=design").content.decode()
    assert "Organisations found: 2" in client.get("/en/directory/?sector=cinema").content.decode()
    # Words are counted each time (they are free text, never a key).
    assert "Organisations found: 1" in client.get("/en/directory/?q=gamma").content.decode()

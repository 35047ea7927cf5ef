"""The reference data (sectors, places): read once per process under a token
that every change renews, whichever process made it."""

from typing import Any

import pytest
from django.core.cache import cache

from directory import reference as reference_module
from directory.models import Sector
from directory.reference import GENERATION_KEY, reference
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db


def test_a_process_reads_the_sectors_once_under_one_token(
    django_assert_num_queries: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    SectorFactory(slug="crafts", name_en="Art crafts")
    first = reference()
    assert "crafts" in first.sector_by_slug

    reads: list[str] = []
    original = cache.get

    def counted_get(key: str, *args: Any, **kwargs: Any) -> Any:
        reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counted_get)
    with django_assert_num_queries(0):
        again = reference()
        assert again.sector_by_slug["crafts"].name_en == "Art crafts"

    assert reads == [GENERATION_KEY]  # the token only: nothing unpickled again
    assert again.token == first.token


def test_a_change_in_another_process_shows_on_the_next_request() -> None:
    SectorFactory(slug="crafts", name_en="Art crafts")
    assert reference().sector_by_slug["crafts"].name_en == "Art crafts"

    # Another process renames it: its signal forgets the token in the shared
    # cache; this process still holds what it read under the old one.
    Sector.objects.filter(slug="crafts").update(name_en="Crafts and trades")
    reference_module.reference_forget()

    assert reference().sector_by_slug["crafts"].name_en == "Crafts and trades"


def test_an_expired_token_reads_everything_afresh() -> None:
    SectorFactory(slug="crafts", name_en="Art crafts")
    before = reference()
    assert before.sector_by_slug["crafts"]
    Sector.objects.filter(slug="crafts").update(name_en="Crafts and trades")

    cache.delete(GENERATION_KEY)  # a minute later

    after = reference()
    assert after.token != before.token
    assert after.sector_by_slug["crafts"].name_en == "Crafts and trades"

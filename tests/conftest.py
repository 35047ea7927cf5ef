"""Fixtures shared by every test of the portal."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.cache import cache
from django.utils import translation


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first (`@pytest.mark.slow`), so that parallel workers
    (pytest-xdist) share them from the start instead of one of them finishing
    alone. Only tests on a rolled-back database are marked slow: they already
    come first (pytest-django runs transactional tests after them, since those
    empty the tables), and the sort keeps every other test in its place."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session", autouse=True)
def migrated_rows(django_db_setup: None, django_db_blocker: Any) -> str:
    """The rows the migrations made (sectors, places, pages, partners, groups,
    permissions), as JSON, read as soon as the test database exists: a test
    that commits ends by emptying every table, and the browser tests load
    these rows back (`tests/browser/conftest.py`). Read later, after such a
    test, they would be gone."""
    from django.db import connection

    with django_db_blocker.unblock():
        return str(connection.creation.serialize_db_to_string())


@pytest.fixture(autouse=True)
def _test_settings(settings: LazySettings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fast hashing, an empty cache (a local-memory cache outlives a test),
    rate-limit counters that never sweep at random (query counts stay exact),
    and the site's default language active: a request leaves its language
    active in the thread, and a test must not read what the previous one left.

    The rest of the test configuration is environment, set in `tests/testenv.py`."""
    from contactpoint.services.desk import desk_contacts_prime
    from directory.ratelimit import CounterDatabaseCache

    monkeypatch.setattr(CounterDatabaseCache, "sweep_chance", 0.0)

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    desk_contacts_prime()  # the footer's desk contacts, as an empty database has them
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def english() -> Iterator[None]:
    """Messages checked in English; the Italian lives in the catalogue.

    Modules whose every test reads English use it with
    `pytest.mark.usefixtures("english")` in their `pytestmark`."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings: LazySettings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Uploaded files of a test go to a directory of their own, never to `media/`."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def staff_user(db: Any) -> Any:
    from django.contrib.auth.models import Group

    from tests.directory.factories import UserFactory

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Desk staff"))
    return user

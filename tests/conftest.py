"""Fixtures shared by every test of the portal."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.cache import cache, caches
from django.utils import translation


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first (`@pytest.mark.slow`), so that parallel workers
    (pytest-xdist) share them from the start instead of one of them finishing
    alone. Only tests on a rolled-back database are marked slow: they already
    come first (pytest-django runs transactional tests after them, since those
    empty the tables), and the sort keeps every other test in its place."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# The migrated rows and the blocker that lets the hook below reach the database.
_reference: dict[str, Any] = {}


# The fixtures through which a test reaches the database (besides the marker).
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "live_server"}
)


def _uses_database(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(names))


@pytest.fixture(scope="session", autouse=True)
def migrated_rows(request: pytest.FixtureRequest, django_db_blocker: Any) -> str:
    """The rows the migrations made (sectors, places, pages, partners, groups,
    permissions), as JSON, read as soon as the test database exists: a test
    that commits ends by emptying every table, and they are loaded back after
    it (`pytest_runtest_teardown` below). Read later, after such a test, they
    would be gone. A run without a database test (one file of pure tests) makes
    no test database, and reads nothing: the connection would be the
    development database's."""
    if not any(_uses_database(item) for item in request.session.items):
        return ""
    request.getfixturevalue("django_db_setup")
    from django.db import connection

    with django_db_blocker.unblock():
        rows = str(connection.creation.serialize_db_to_string())
    _reference.update(rows=rows, blocker=django_db_blocker)
    return rows


def restore_reference_rows(rows: str) -> None:
    """Load back the rows the migrations made, if a flush emptied them."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from directory.models import Sector

    if not Sector.objects.exists():
        # The flush's post_migrate made new content types and permissions;
        # the snapshot brings back the original ones, with their ids.
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(rows)


def _commits(item: pytest.Item) -> bool:
    """Whether the test ran on a database that commits (and is flushed after it)."""
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or "transactional_db" in names
        or "live_server" in names
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After a test that commits, the flush has emptied every table: the rows the
    migrations made come back at once. pytest-django runs such tests last, but a
    parallel worker that steals tests from another may run rolled-back tests
    after them, and those expect the database `migrate` makes."""
    yield
    if _commits(item) and "rows" in _reference:
        with _reference["blocker"].unblock():
            restore_reference_rows(_reference["rows"])


@pytest.fixture(autouse=True)
def _test_settings(settings: LazySettings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fast hashing, an empty cache (a local-memory cache outlives a test),
    rate-limit counters that never sweep at random (query counts stay exact),
    and the site's default language active: a request leaves its language
    active in the thread, and a test must not read what the previous one left.

    The rest of the test configuration is environment, set in `tests/testenv.py`."""
    from contactpoint.services.desk import desk_contacts_prime
    from creativecities.limits.ratelimit import CounterDatabaseCache

    monkeypatch.setattr(CounterDatabaseCache, "sweep_chance", 0.0)

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    caches["pages"].clear()
    desk_contacts_prime()  # the footer's desk contacts, as an empty database has them
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _page_versions_bump_at_once(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change bumps the page cache's versions when its transaction commits,
    and a test's transaction never does: here a write bumps at once, as in
    autocommit, so that a page asked for after a change shows it (a missed bump
    fails the test). Tests of the commit itself ask for
    `page_versions_bump_on_commit`."""
    if "page_versions_bump_on_commit" in request.fixturenames:
        return
    from creativecities.pagecache import versions

    monkeypatch.setattr(versions, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def page_versions_bump_on_commit() -> None:
    """The page cache's versions are bumped only once the transaction commits."""


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


@pytest.fixture
def desk(client: Any, staff_user: Any) -> Any:
    """The test client logged in as desk staff (`staff_user`), reading the admin
    in English."""
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def staff_authenticator(user: Any) -> Any:
    """The confirmed authenticator (TOTP device) of this staff member, made on first use."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Test authenticator"}
    )
    return device


def authenticator_code(device: Any) -> str:
    """The code the authenticator app shows now, computed from the device's key."""
    from django_otp.oath import totp

    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


@pytest.fixture(autouse=True)
def _staff_logins_pass_the_second_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one place where tests satisfy the second factor of staff.

    `force_login` stands for a whole login: for staff, the password and the code,
    so the session has passed the second factor with an authenticator made for
    them (the admin lets staff in only then, directory/second_factor.py). Tests
    of the second factor itself log in through the forms instead, and browser
    tests type the code `second_factor_code` gives them."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    force_login = Client.force_login

    def force_login_past_the_second_factor(
        self: Client, user: Any, backend: str | None = None
    ) -> None:
        force_login(self, user, backend)
        if user.is_staff:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = staff_authenticator(user).persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_past_the_second_factor)


@pytest.fixture
def second_factor_code(db: Any) -> Any:
    """A function giving the code of a staff member's authenticator app now (the
    authenticator is made on first use), to type after the password."""

    def code(user: Any) -> str:
        return authenticator_code(staff_authenticator(user))

    return code

"""Login throttling on the portal's and the admin's login (django-axes)."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import LazySettings
from django.test import Client

from directory.login_throttle import cool_off
from directory.models import User
from tests.directory.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PORTAL_LOGIN = "/en/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
RIGHT_PASSWORD = "a-long-test-password"
WRONG_PASSWORD = "not-the-password"


@pytest.fixture
def luca(db: Any) -> User:
    """An account whose password is RIGHT_PASSWORD."""
    return UserFactory.create(email="luca@example.org")


def attempt(
    client: Client, username: str, password: str = WRONG_PASSWORD, url: str = PORTAL_LOGIN
) -> int:
    response = client.post(url, {"username": username, "password": password})
    return response.status_code


def refused_at(client: Client, usernames: list[str], url: str = PORTAL_LOGIN) -> int | None:
    """The number of the first of these wrong logins answered 429, or None."""
    for number, username in enumerate(usernames, start=1):
        if attempt(client, username, url=url) == HTTPStatus.TOO_MANY_REQUESTS:
            return number
    return None


def move_attempts_back(**delta: float) -> None:
    """As if the failures so far had happened that long ago."""
    moment = datetime.timedelta(**delta)
    for record in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=record.pk).update(attempt_time=record.attempt_time - moment)


def test_fifty_wrong_passwords_for_one_account_are_refused_from_the_fifth(
    client: Client, luca: User
) -> None:
    statuses = [attempt(client, "luca@example.org") for _ in range(50)]

    assert statuses[:4] == [HTTPStatus.OK] * 4  # the form, saying the password is wrong
    assert set(statuses[4:]) == {HTTPStatus.TOO_MANY_REQUESTS}


def test_the_account_counts_whatever_the_case_and_the_client_address(
    client: Client, luca: User
) -> None:
    """Each attempt from another address: only the account's count can refuse."""
    usernames = ["luca@example.org", "LUCA@example.org", "Luca@Example.org "] * 10
    statuses = [
        client.post(
            PORTAL_LOGIN,
            {"username": username, "password": WRONG_PASSWORD},
            REMOTE_ADDR=f"198.51.100.{number}",
        ).status_code
        for number, username in enumerate(usernames)
    ]

    assert statuses[:4] == [HTTPStatus.OK] * 4
    assert set(statuses[4:]) == {HTTPStatus.TOO_MANY_REQUESTS}


def test_fifty_wrong_logins_from_one_address_with_varied_accounts_are_refused(
    client: Client,
) -> None:
    usernames = [f"guess{number}@example.org" for number in range(50)]

    assert refused_at(client, usernames) == 5


def test_another_address_may_still_log_in_to_other_accounts(client: Client, luca: User) -> None:
    assert refused_at(client, [f"guess{number}@example.org" for number in range(5)]) == 5
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")

    assert attempt(elsewhere, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_the_lockout_page_is_the_portals_and_says_when_to_try_again(
    client: Client, luca: User
) -> None:
    for _ in range(5):
        attempt(client, "luca@example.org")

    response = client.post(PORTAL_LOGIN, {"username": "luca@example.org", "password": "x"})

    content = response.content.decode()
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 0 < int(response["Retry-After"]) <= 300
    assert "<h1>Too many login attempts</h1>" in content
    assert "try again in 5 minutes" in content
    assert 'href="/en/accounts/password_reset/"' in content
    assert "<header" in content  # the portal's page, not a bare message


def test_the_lockout_page_speaks_italian_on_the_italian_login(client: Client, luca: User) -> None:
    for _ in range(6):
        response = client.post(
            "/it/accounts/login/", {"username": "luca@example.org", "password": "x"}
        )

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert '<html lang="it"' in response.content.decode()


def test_even_the_right_password_waits_for_the_cool_off_then_works(
    client: Client, luca: User
) -> None:
    for _ in range(5):
        attempt(client, "luca@example.org")

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.TOO_MANY_REQUESTS

    move_attempts_back(minutes=5, seconds=1)

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_attempts_during_a_lockout_do_not_extend_it(client: Client, luca: User) -> None:
    for _ in range(5):
        attempt(client, "luca@example.org")
    move_attempts_back(minutes=4)
    for _ in range(20):
        attempt(client, "luca@example.org")  # refused, and not counted

    move_attempts_back(minutes=1, seconds=1)

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_the_cool_off_doubles_with_each_failure_beyond_the_limit_up_to_the_ceiling(
    client: Client, luca: User
) -> None:
    for _ in range(5):
        attempt(client, "luca@example.org")
    waits = []
    for _ in range(6):
        move_attempts_back(hours=1, seconds=1)  # past any cool-off, within the day
        attempt(client, "luca@example.org")  # wrong again, locks again at once
        response = client.post(PORTAL_LOGIN, {"username": "luca@example.org", "password": "x"})
        assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
        waits.append(round(int(response["Retry-After"]) / 60))

    assert waits == [10, 20, 40, 60, 60, 60]


def test_a_short_configured_cool_off_is_honoured(
    client: Client, luca: User, settings: LazySettings
) -> None:
    settings.LOGIN_COOLOFF = datetime.timedelta(seconds=30)
    for _ in range(5):
        attempt(client, "luca@example.org")

    move_attempts_back(seconds=31)

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_failures_older_than_a_day_are_forgotten(client: Client, luca: User) -> None:
    for _ in range(5):
        attempt(client, "luca@example.org")
    move_attempts_back(days=1, seconds=1)

    assert attempt(client, "luca@example.org") == HTTPStatus.OK
    assert AccessAttempt.objects.get().failures_since_start == 1


def test_a_successful_login_forgets_the_failures(client: Client, luca: User) -> None:
    for _ in range(4):
        attempt(client, "luca@example.org")

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND
    assert not AccessAttempt.objects.exists()
    client.post("/en/accounts/logout/")
    statuses = [attempt(client, "luca@example.org") for _ in range(5)]
    assert statuses == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS]  # counted afresh


def test_the_admin_login_is_throttled_too(client: Client, staff_user: User) -> None:
    assert refused_at(client, [staff_user.email] * 50, url=ADMIN_LOGIN) == 5
    assert attempt(client, staff_user.email, RIGHT_PASSWORD, url=ADMIN_LOGIN) == (
        HTTPStatus.TOO_MANY_REQUESTS
    )


def test_the_cool_off_without_a_request_is_the_base_one(settings: LazySettings) -> None:
    assert cool_off(None) == settings.LOGIN_COOLOFF


def test_desk_staff_see_recent_failures_in_the_admin(desk: Client, luca: User) -> None:
    anonymous = Client()
    for _ in range(3):
        attempt(anonymous, "luca@example.org")

    failures = desk.get("/admin/axes/accessfailurelog/")
    attempts = desk.get("/admin/axes/accessattempt/")

    assert failures.status_code == HTTPStatus.OK
    assert failures.content.decode().count("luca@example.org") >= 3
    assert attempts.status_code == HTTPStatus.OK
    assert "luca@example.org" in attempts.content.decode()
    assert AccessFailureLog.objects.count() == 3


def test_a_member_does_not_see_the_failures(client: Client, member: User) -> None:
    client.force_login(member)

    response = client.get("/admin/axes/accessfailurelog/")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith("/admin/login/")

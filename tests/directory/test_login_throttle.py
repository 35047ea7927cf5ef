"""Login throttling on the portal's and the admin's login (django-axes)."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import LazySettings
from django.test import Client, RequestFactory

from creativecities.limits.clients import client_address
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


def test_the_account_counts_whatever_the_case_it_is_typed_in(client: Client, luca: User) -> None:
    usernames = ["luca@example.org", "LUCA@example.org", "Luca@Example.org "] * 3

    assert refused_at(client, usernames) == 5


def test_the_same_account_from_another_address_still_logs_in(client: Client, luca: User) -> None:
    assert refused_at(client, ["luca@example.org"] * 5) == 5
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.TOO_MANY_REQUESTS
    assert attempt(elsewhere, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_another_account_from_the_same_address_still_logs_in(client: Client, luca: User) -> None:
    """One person's mistakes do not lock out the office they share an address with."""
    UserFactory.create(email="colleague@example.org")
    assert refused_at(client, ["luca@example.org"] * 5) == 5
    colleague = Client()  # the same address (the test client's 127.0.0.1)

    assert attempt(colleague, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.TOO_MANY_REQUESTS
    assert attempt(colleague, "colleague@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_the_address_wide_limit_refuses_every_login_from_it_at_its_own_threshold(
    client: Client, luca: User, settings: LazySettings
) -> None:
    """Four wrong guesses at each of many accounts: no pair reaches its limit,
    the address reaches its own at the 50th failure."""
    usernames = [f"guess{number // 4}@example.org" for number in range(60)]

    assert refused_at(client, usernames) == settings.LOGIN_ADDRESS_FAILURE_LIMIT == 50
    response = client.post(PORTAL_LOGIN, {"username": "luca@example.org", "password": "x"})
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.TOO_MANY_REQUESTS
    assert "too many failed attempts to log in from your connection" in response.content.decode()
    assert 55 * 60 < int(response["Retry-After"]) <= 60 * 60
    assert attempt(elsewhere, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_the_address_wide_limit_ends_when_its_failures_age_out_of_the_hour(
    client: Client, luca: User
) -> None:
    assert refused_at(client, [f"guess{n // 4}@example.org" for n in range(50)]) == 50

    move_attempts_back(hours=1, seconds=1)

    assert attempt(client, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_failures_followed_by_a_success_do_not_count_towards_the_address(
    settings: LazySettings,
) -> None:
    """A busy office mistypes now and then, and then gets in."""
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 10
    people = [UserFactory.create(email=f"person{number}@example.org") for number in range(5)]
    for person in people:
        office = Client()
        for _ in range(3):
            assert attempt(office, person.email) == HTTPStatus.OK
        assert attempt(office, person.email, RIGHT_PASSWORD) == HTTPStatus.FOUND

    assert attempt(Client(), "person0@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def account_attacked_from_many_addresses(usernames: list[str]) -> list[int]:
    """Wrong passwords for one account, each from an address of its own."""
    return [
        Client(REMOTE_ADDR=f"198.51.100.{number}")
        .post(PORTAL_LOGIN, {"username": username, "password": WRONG_PASSWORD})
        .status_code
        for number, username in enumerate(usernames)
    ]


def test_the_account_wide_limit_refuses_new_addresses_at_its_own_threshold(
    luca: User, settings: LazySettings
) -> None:
    usernames = ["luca@example.org", "LUCA@example.org", "Luca@Example.org "] * 9
    statuses = account_attacked_from_many_addresses(usernames)
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    response = stranger.post(PORTAL_LOGIN, {"username": "luca@example.org", "password": "x"})

    assert settings.LOGIN_ACCOUNT_FAILURE_LIMIT == 20
    assert statuses[:19] == [HTTPStatus.OK] * 19
    assert set(statuses[19:]) == {HTTPStatus.TOO_MANY_REQUESTS}
    assert attempt(stranger, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.TOO_MANY_REQUESTS
    assert "only be logged in to from a connection it has been used from before" in (
        response.content.decode()
    )
    assert attempt(stranger, "someone@example.org") == HTTPStatus.OK  # other accounts are not


def test_a_known_address_logs_in_while_the_account_is_attacked_from_elsewhere(
    luca: User,
) -> None:
    home = Client(REMOTE_ADDR="203.0.113.20")
    assert attempt(home, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND
    home.post("/en/accounts/logout/")

    statuses = account_attacked_from_many_addresses(["luca@example.org"] * 30)

    assert HTTPStatus.TOO_MANY_REQUESTS in statuses  # the account is under lockout ...
    new_place = Client(REMOTE_ADDR="203.0.113.21")
    assert attempt(new_place, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.TOO_MANY_REQUESTS
    # ... but not from where its owner has logged in before.
    assert attempt(home, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


def test_a_known_address_still_has_its_own_pair_limit(luca: User) -> None:
    home = Client(REMOTE_ADDR="203.0.113.20")
    assert attempt(home, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND
    home.post("/en/accounts/logout/")

    assert refused_at(home, ["luca@example.org"] * 10) == 5


def test_an_ipv6_client_is_its_64_network_as_for_every_other_limit(luca: User) -> None:
    """Fresh addresses from one /64 are one client, for the login as for the
    rate limits of the forms: the same reading of the address."""
    addresses = [f"2001:db8:1:2::{number:x}" for number in range(1, 11)]
    statuses = [
        Client(REMOTE_ADDR=address)
        .post(PORTAL_LOGIN, {"username": "luca@example.org", "password": WRONG_PASSWORD})
        .status_code
        for address in addresses
    ]
    request = RequestFactory().get("/", REMOTE_ADDR=addresses[0])

    assert statuses == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS] * 6
    assert AccessAttempt.objects.get().ip_address == client_address(request) == ("2001:db8:1:2::")
    other_network = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert attempt(other_network, "luca@example.org", RIGHT_PASSWORD) == HTTPStatus.FOUND


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
    assert "to this account from your connection" in content
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
    assert "Gli altri account non sono interessati" in response.content.decode()


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

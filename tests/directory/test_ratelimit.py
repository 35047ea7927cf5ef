"""Rate limits: per client address, per account, per recipient; shared between
processes; refused on the form with what was typed; never a permanent lockout."""

import importlib
import json
import os
import subprocess
import sys
import time
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client, RequestFactory

from creativecities.limits import ratelimit
from creativecities.limits.clients import client_address
from creativecities.limits.ratelimit import Rate, RateLimited
from creativecities.models import OutgoingEmail
from creativecities.settings import limits_cache
from directory.models import Invitation, Organisation, User
from tests.directory.factories import UserFactory
from tests.directory.helpers import expire_every_counter, registration_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROOT = Path(__file__).resolve().parents[2]
TOO_MANY = "Too many requests in a short time: nothing was sent or saved."


@pytest.fixture
def tight_limits(settings: Any) -> dict[str, dict[str, str]]:
    """Two of everything an hour, so a test reaches each limit at the third request."""
    settings.RATE_LIMITS = {
        scope: dict.fromkeys(kinds, "2/h") for scope, kinds in settings.RATE_LIMITS.items()
    }
    return settings.RATE_LIMITS  # type: ignore[no-any-return]


def post_from(client: Client, capture: Any, url: str, data: dict[str, Any], address: str) -> Any:
    """POST as a client at `address`, with the mail it causes sent."""
    with capture(execute=True):
        return client.post(url, data, REMOTE_ADDR=address)


def mails_to(address: str) -> int:
    return OutgoingEmail.objects.filter(to__contains=[address]).count()


# --- the pieces --------------------------------------------------------------


def test_rates_read_as_count_per_period() -> None:
    assert Rate.parse("10/h") == Rate(10, 3600)
    assert Rate.parse("3 / d") == Rate(3, 86400)
    assert Rate.parse("5/10m") == Rate(5, 600)
    with pytest.raises(ValueError, match="10/h"):
        Rate.parse("ten an hour")


def test_the_client_address_trusts_only_the_proxys_own_hop(settings: Any) -> None:
    factory = RequestFactory()
    spoofed = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")

    settings.BEHIND_PROXY = False
    assert client_address(spoofed) == "10.0.0.1"
    settings.BEHIND_PROXY = True
    assert client_address(spoofed) == "203.0.113.7"
    assert client_address(factory.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    assert client_address(factory.get("/", REMOTE_ADDR="2001:db8:1:2:3:4:5:6")) == (
        "2001:db8:1:2::"
    )


def test_the_limits_cache_is_the_database_unless_redis_is_named() -> None:
    assert limits_cache("")["BACKEND"] == "creativecities.limits.ratelimit.CounterDatabaseCache"
    assert limits_cache("redis://cache:6379/1") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache:6379/1",
    }
    with pytest.raises(ImproperlyConfigured, match="redis://"):
        limits_cache("memcached://cache:11211")


def test_the_counter_cache_counts_within_a_window_only() -> None:
    counters = caches["limits"]

    assert counters.add("some-key", 1, timeout=60)
    assert not counters.add("some-key", 1, timeout=60)
    assert counters.incr("some-key") == 2
    assert counters.incr("some-key", 3) == 5
    with pytest.raises(ValueError, match="not found"):
        counters.incr("another-key")
    expire_every_counter()
    with pytest.raises(ValueError, match="not found"):
        counters.incr("some-key")
    assert counters.add("some-key", 1, timeout=60)  # the next window
    assert counters.get("some-key") == 1


def test_a_counter_counts_in_one_statement_and_starts_again_when_its_window_ends(
    django_assert_num_queries: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    counters = caches["limits"]
    assert isinstance(counters, ratelimit.CounterDatabaseCache)

    assert counters.count("hits", timeout=60) == 1
    with django_assert_num_queries(1):
        assert counters.count("hits", timeout=60) == 2
    assert [counters.count("hits", timeout=60) for _ in range(3)] == [3, 4, 5]
    assert counters.get("hits") == 5  # still a value Django's cache can read
    assert counters.count("other", timeout=60) == 1
    expire_every_counter()
    assert counters.count("hits", timeout=60) == 1  # the next window
    monkeypatch.setattr(counters, "sweep_chance", 1.0)  # now and then, a count sweeps too
    assert counters.count("hits", timeout=60) == 2
    assert counters.get("other") is None and counters.get("hits") == 2


def test_a_requests_counters_take_one_statement_together(
    django_assert_num_queries: Any,
) -> None:
    counters = caches["limits"]
    assert isinstance(counters, ratelimit.CounterDatabaseCache)
    counters.count("address", timeout=60)

    with django_assert_num_queries(1):
        counts = counters.count_all({"recipient": 3600, "address": 60, "account": 60})

    assert counts == {"recipient": 1, "address": 2, "account": 1}
    assert counters.count_all({}) == {}
    expire_every_counter()
    assert counters.count_all({"address": 60, "recipient": 3600}) == {
        "address": 1,
        "recipient": 1,
    }


def test_limit_counts_every_window_in_one_statement_and_names_the_first_exceeded(
    rf: RequestFactory, settings: Any, django_assert_num_queries: Any
) -> None:
    settings.RATE_LIMITS = {"shared": {"address": ["2/m", "5/h"], "recipient": "1/h"}}
    request = rf.post("/", REMOTE_ADDR="192.0.2.7")
    request.user = AnonymousUser()

    with django_assert_num_queries(1):
        ratelimit.limit(request, "shared", recipient="Giulia@Example.org")
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.limit(request, "shared", recipient="giulia@example.org ")

    assert refused.value.kind == "recipient"
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.limit(request, "shared", recipient="another@example.org")
    assert (refused.value.kind, refused.value.rate) == ("address", ratelimit.Rate(2, 60))


def test_a_value_that_is_not_a_counter_is_refused_not_miscounted() -> None:
    counters = caches["limits"]
    counters.set("greeting", "hello", timeout=60)

    with pytest.raises(ValueError, match="not a counter"):
        counters.count("greeting", timeout=60)


def persistence(table: str) -> str:
    """ "u" for an unlogged table, "p" for an ordinary one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = %s", [table])
        row = cursor.fetchone()
    assert row is not None
    return str(row[0])


def test_the_counters_table_is_unlogged_and_counts() -> None:
    assert persistence("rate_limit_counters") == "u"
    counters = caches["limits"]
    assert counters.count("ping", timeout=60) == 1
    assert counters.count("ping", timeout=60) == 2


def test_the_migration_turns_a_table_createcachetable_made_unlogged() -> None:
    migration = importlib.import_module("directory.migrations.0024_rate_limit_counters_unlogged")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE rate_limit_counters SET LOGGED")
    assert persistence("rate_limit_counters") == "p"

    with connection.schema_editor() as editor:
        migration.unlogged(None, editor)

    assert persistence("rate_limit_counters") == "u"


# --- per client address, per recipient, per account -----------------------------


def test_registration_is_limited_per_client_address_on_the_same_page(
    client: Client, tight_limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    answers = [
        post_from(
            client,
            django_capture_on_commit_callbacks,
            "/en/register/",
            registration_form_data(email=f"person{n}@example.org"),
            "198.51.100.4",
        )
        for n in range(3)
    ]
    elsewhere = post_from(
        client,
        django_capture_on_commit_callbacks,
        "/en/register/",
        registration_form_data(email="person9@example.org"),
        "198.51.100.5",
    )

    assert [answer.status_code for answer in answers] == [302, 302, 429]
    refused = answers[2]
    content = refused.content.decode()
    assert TOO_MANY in content and "try again in 1\xa0hour" in content
    assert refused["Retry-After"] == "3600"
    assert 'value="person2@example.org"' in content  # what was typed is kept
    assert 'value="Studio Città Vecchia"' in content
    assert '<form method="post"' in content
    assert elsewhere.status_code == HTTPStatus.FOUND
    assert User.objects.count() == 3
    assert mails_to("person2@example.org") == 0


def test_registration_is_limited_per_recipient_whatever_the_client_address(
    client: Client, tight_limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    statuses = [
        post_from(
            client,
            django_capture_on_commit_callbacks,
            "/en/register/",
            registration_form_data(email="Victim@Example.org"),
            f"192.0.2.{n}",
        ).status_code
        for n in range(5)
    ]

    assert statuses == [302, 302, 429, 429, 429]
    assert mails_to("victim@example.org") == 2
    assert len(mail.outbox) == 2


def test_confirmation_resend_is_limited_per_recipient(
    client: Client, tight_limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    post_from(
        client,
        django_capture_on_commit_callbacks,
        "/en/register/",
        registration_form_data(),
        "192.0.2.1",
    )
    answers = [
        post_from(
            client,
            django_capture_on_commit_callbacks,
            "/en/register/resend/",
            {"email": "anna.neri@example.org"},
            f"192.0.2.{n}",
        )
        for n in range(2, 6)
    ]

    assert [answer.status_code for answer in answers] == [302, 302, 429, 429]
    content = answers[2].content.decode()
    assert TOO_MANY in content
    assert 'value="anna.neri@example.org"' in content
    assert mails_to("anna.neri@example.org") == 3  # registration, then two new links


def test_password_reset_is_limited_per_recipient_and_per_address(
    client: Client, tight_limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    UserFactory(email="giulia@example.org")
    url = "/en/accounts/password_reset/"

    to_giulia = [
        post_from(
            client,
            django_capture_on_commit_callbacks,
            url,
            {"email": "giulia@example.org"},
            f"192.0.2.{n}",
        )
        for n in range(3)
    ]
    from_one_address = [
        post_from(
            client,
            django_capture_on_commit_callbacks,
            url,
            {"email": f"someone{n}@example.org"},
            "192.0.2.77",
        ).status_code
        for n in range(3)
    ]

    assert [answer.status_code for answer in to_giulia] == [302, 302, 429]
    content = to_giulia[2].content.decode()
    assert TOO_MANY in content
    assert 'value="giulia@example.org"' in content
    assert mails_to("giulia@example.org") == 2
    assert from_one_address == [302, 302, 429]


def test_invitations_are_limited_per_account_and_per_recipient(
    client: Client,
    member: User,
    organisation: Organisation,
    tight_limits: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(member)
    url = f"/en/directory/{organisation.slug}/invite/"
    tight_limits["invitation_send"]["address"] = "100/h"
    tight_limits["invitation_send"]["recipient"] = "1/h"

    to_many = [
        post_from(
            client, django_capture_on_commit_callbacks, url, {"email": f"c{n}@example.org"}, a
        )
        for n, a in enumerate(["192.0.2.1", "192.0.2.2", "192.0.2.3"])
    ]
    second: Any = UserFactory(email="second@example.org")
    organisation.memberships.create(user=second)
    colleague = Client()
    colleague.force_login(second)
    again = post_from(
        colleague, django_capture_on_commit_callbacks, url, {"email": "c0@example.org"}, "::1"
    )
    other = post_from(
        colleague, django_capture_on_commit_callbacks, url, {"email": "c5@example.org"}, "::1"
    )

    assert [answer.status_code for answer in to_many] == [302, 302, 429]
    content = to_many[2].content.decode()
    assert TOO_MANY in content and 'value="c2@example.org"' in content
    assert again.status_code == HTTPStatus.TOO_MANY_REQUESTS  # c0 had its one invitation
    assert other.status_code == HTTPStatus.FOUND
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "c0@example.org",
        "c1@example.org",
        "c5@example.org",
    ]
    assert OutgoingEmail.objects.count() == 3


def test_a_member_creating_organisations_is_limited_per_account(
    client: Client, member: User, organisation: Organisation, tight_limits: Any
) -> None:
    client.force_login(member)
    data = {
        key: value
        for key, value in registration_form_data().items()
        if key.startswith("organisation-")
    }

    statuses = [
        client.post("/en/register/", {**data, "organisation-name": f"Studio {n}"}).status_code
        for n in range(3)
    ]

    assert statuses == [302, 302, 429]
    assert Organisation.objects.filter(name__startswith="Studio ").count() == 2


def test_accepting_invitations_is_limited_per_client_address(
    client: Client, tight_limits: Any
) -> None:
    statuses = [client.post("/en/invitations/not-a-token/").status_code for _ in range(3)]
    refused = client.post("/en/invitations/not-a-token/")

    assert statuses == [404, 404, 429]
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert TOO_MANY in refused.content.decode()
    assert client.get("/en/invitations/not-a-token/").status_code == HTTPStatus.NOT_FOUND


# --- not a lockout, and one count for every process ------------------------------


def test_a_limit_ends_with_its_window(
    client: Client, tight_limits: Any, django_capture_on_commit_callbacks: Any
) -> None:
    UserFactory(email="giulia@example.org")
    url = "/en/accounts/password_reset/"

    def ask() -> int:
        response = post_from(
            client,
            django_capture_on_commit_callbacks,
            url,
            {"email": "giulia@example.org"},
            "192.0.2.1",
        )
        return int(response.status_code)

    during = [ask() for _ in range(4)]
    expire_every_counter()  # the hour has passed
    after = [ask() for _ in range(3)]

    assert during == [302, 302, 429, 429]
    assert after == [302, 302, 429]
    assert mails_to("giulia@example.org") == 4


COUNTER = """
import json, sys, time
import django
from django.conf import settings
settings.DATABASES["default"]["NAME"] = sys.argv[1]
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from creativecities.limits import ratelimit
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
counts, answers = [], []
for _ in range(int(sys.argv[3])):
    rate = ratelimit.Rate(99, 60)
    key = ratelimit._key("shared", "recipient", "victim@example.org", rate)
    counts.append(ratelimit._count_all({key: rate.seconds})[key])
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    request.user = AnonymousUser()
    try:
        ratelimit.limit(request, "password_reset", recipient="victim@example.org")
    except ratelimit.RateLimited:
        answers.append("refused")
    else:
        answers.append("allowed")
print(json.dumps({"counts": counts, "answers": answers}))
"""


@pytest.mark.django_db(transaction=True)
def test_processes_share_one_count(client: Client) -> None:
    """Two processes counting at once, on the test database's counter table:
    every count is given out once, and the limit holds for all of them."""
    start = time.time() + 2.5
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "creativecities.settings"}
    name = connection.settings_dict["NAME"]
    try:
        runs = [
            subprocess.Popen(  # noqa: S603 - this interpreter, our own script
                [sys.executable, "-c", COUNTER, name, str(start), "15"],
                cwd=ROOT,
                env=environment,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [json.loads(run.communicate(timeout=60)[0]) for run in runs]
        after = client.post(
            "/en/accounts/password_reset/", {"email": "victim@example.org"}, REMOTE_ADDR="::1"
        )
    finally:
        caches["limits"].clear()  # this test commits; the next starts afresh

    counts = sorted(count for result in results for count in result["counts"])
    answers = [answer for result in results for answer in result["answers"]]
    assert counts == list(range(1, 31))
    assert answers.count("allowed") == 3  # the default: three mails an hour per recipient
    assert after.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_a_refusal_names_its_scope_and_key() -> None:
    refusal = RateLimited("register", "recipient", Rate(3, 3600))

    assert str(refusal) == "register: over 3 per 3600 s by recipient"
    assert refusal.status == HTTPStatus.TOO_MANY_REQUESTS
    assert ratelimit.scope_rates("invitation_send")["account"] == [
        Rate(10, 3600),
        Rate(30, 86400),
    ]

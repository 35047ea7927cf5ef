"""Limits on how often a form may send mail or create rows.

Every endpoint that writes to someone's mailbox or adds rows counts each request
it is about to act on, under its *scope* (`"register"`, `"password_reset"`,
...), against several keys at once: the client's address, the logged-in account
and the address the mail goes to. `settings.RATE_LIMITS[scope]` says how many
requests each kind of key may make in a window (`"3/h"`: three an hour); a
request over any of them is refused with `RateLimited`, which the view turns into
its own form page again, status 429, the message as a form error and what was
typed still in the fields.

Counters live in the `"limits"` cache, shared by every process and server (the
database cache on the portal's PostgreSQL by default, Redis in production when
configured); a counter starts with the first request of a window and expires
with it, so a limit is never a permanent lockout. Keys are HMACs of the values:
the cache holds no address in clear.

We wrote this rather than use django-ratelimit: its decorator counts before the
form is validated and answers with an error page of its own, it counts the raw
typed value (two spellings of one address are two keys), and it does not accept
the database cache, whose `incr` is not atomic; `CounterDatabaseCache` below is.
"""

from __future__ import annotations

import base64
import datetime
import pickle
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from http import HTTPStatus
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, models, router, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _

from creativecities.limits.clients import client_address

CACHE_ALIAS = "limits"

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    """At most `count` requests in a window of `seconds`."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """`"10/h"`, `"3/d"`, `"5/10m"` (five in ten minutes)."""
        match = _RATE.match(text)
        if match is None:
            raise ValueError(f"A rate is a count, a slash and a period such as 10/h, not {text!r}")
        count, multiple, unit = match.groups()
        return cls(int(count), int(multiple or 1) * _UNITS[unit])


class RateLimited(Exception):
    """Too many requests of `scope` for one of its keys in the current window."""

    status = HTTPStatus.TOO_MANY_REQUESTS

    def __init__(self, scope: str, kind: str, rate: Rate) -> None:
        super().__init__(f"{scope}: over {rate.count} per {rate.seconds} s by {kind}")
        self.scope, self.kind, self.rate = scope, kind, rate

    @property
    def message(self) -> str:
        """What the visitor reads: nothing happened, and when to try again.

        The wait is the window's length, an upper bound: the counter started
        with the window's first request."""
        return _(
            "Too many requests in a short time: nothing was sent or saved. "
            "Please try again in %(wait)s."
        ) % {"wait": self.wait}

    @property
    def wait(self) -> str:
        """How long at most until the window ends, for people ("1 hour")."""
        now = timezone.now()
        return timeuntil(now + datetime.timedelta(seconds=self.rate.seconds), now)

    def refuse(self, form: forms.BaseForm) -> None:
        """Show the message on `form`, which keeps what was typed."""
        form.add_error(None, self.message)

    def respond(self, response: HttpResponse) -> HttpResponse:
        """Turn the re-rendered form page into the refusal: 429 and Retry-After."""
        response.status_code = self.status
        response["Retry-After"] = str(self.rate.seconds)
        return response


class CeilingReached(RateLimited):
    """Too much anonymous input to one target (a survey campaign, a consultation)
    from every address together in the current window: what each address may
    send says nothing of many addresses sending at once."""

    @property
    def message(self) -> str:
        now = timezone.now()
        wait = timeuntil(now + datetime.timedelta(seconds=self.rate.seconds), now)
        return _(
            "This page has received as many contributions as it can take for the "
            "moment, from many people at once: yours was not sent or saved. Please "
            "try again in %(wait)s; the desk has been told."
        ) % {"wait": wait}


def ceiling(scope: str, *, target: str, reached: Callable[[CeilingReached], None]) -> None:
    """Count one anonymous contribution to `target` against the ceiling of
    `scope` (`settings.RATE_LIMITS[scope]["target"]`), whatever address it
    comes from; raise `CeilingReached` above it.

    The first refusal of a window calls `reached` (which tells the desk) and no
    later one does: a marker added to the shared cache for the rest of the
    window, which only one process can add. Call it after the per-address
    `limit`, so that one address refused there cannot fill the ceiling of
    everyone else, and outside the transaction of the write.
    """
    rates = scope_rates(scope).get("target", [])
    counted = [(rate, _key(scope, "target", target, rate)) for rate in rates]
    counts = _count_all({key: rate.seconds for rate, key in counted})
    for rate, key in counted:
        if counts[key] > rate.count:
            refusal = CeilingReached(scope, "target", rate)
            if caches[CACHE_ALIAS].add(f"{key}:told", 1, timeout=rate.seconds):
                reached(refusal)
            raise refusal


def limit(request: HttpRequest, scope: str, *, recipient: str = "", **keys: str) -> None:
    """Count this request of `scope`; raise `RateLimited` if it is one too many.

    It counts against the client address (`"address"`), the logged-in account
    (`"account"`), the address mail goes to (`"recipient"`, compared without
    case) and any further `keys` a form names (`organisation=slug`), each with
    the rates `settings.RATE_LIMITS[scope]` gives its kind; kinds without a rate
    or without a value (no account when anonymous) are not counted. Call it once
    the form is valid, just before acting, and outside the transaction of the
    write: a refused request is still counted, so hammering a limit does not
    wear it down, but the window still ends on time.
    """
    _count_and_refuse(scope, _counters(request, scope, recipient=recipient, **keys))


def limit_keys(scope: str, *, recipient: str = "", **keys: str) -> None:
    """`limit` without a request, for what the portal sends by itself (the
    mails of a subscription): counts only the keys given."""
    values = {"recipient": recipient.strip().lower(), **keys}
    _count_and_refuse(scope, _counted(scope, values))


def _count_and_refuse(scope: str, counted: list[tuple[str, Rate, str]]) -> None:
    counts = _count_all({key: rate.seconds for _kind, rate, key in counted})
    for kind, rate, key in counted:
        if counts[key] > rate.count:
            raise RateLimited(scope, kind, rate)


def refuse_if_spent(request: HttpRequest, scope: str, *, recipient: str = "", **keys: str) -> None:
    """Raise `RateLimited` if a counter of `scope` has already reached its count;
    count nothing.

    For limits on failures rather than on requests: a view counts only what
    failed (`limit`), and calls this before trying at all, so that once the
    failures allowed in a window are spent, every request of the key is
    refused until the window ends, including the one that would succeed. A
    refusal that did not depend on the answer tells a guesser nothing.
    """
    counters = _counters(request, scope, recipient=recipient, **keys)
    counts = caches[CACHE_ALIAS].get_many([key for _kind, _rate, key in counters])
    for kind, rate, key in counters:
        if int(counts.get(key) or 0) >= rate.count:
            raise RateLimited(scope, kind, rate)


def _counters(
    request: HttpRequest, scope: str, *, recipient: str, **keys: str
) -> list[tuple[str, Rate, str]]:
    """Each counter a request of `scope` counts against: its kind, rate and key."""
    values: dict[str, str] = {"address": client_address(request) or "unknown"}
    if request.user.is_authenticated:
        values["account"] = str(request.user.pk)
    if recipient:
        values["recipient"] = recipient.strip().lower()
    values.update(keys)
    return _counted(scope, values)


def _counted(scope: str, values: dict[str, str]) -> list[tuple[str, Rate, str]]:
    return [
        (kind, rate, _key(scope, kind, value, rate))
        for kind, rates in scope_rates(scope).items()
        if (value := values.get(kind))
        for rate in rates
    ]


def scope_rates(scope: str) -> dict[str, list[Rate]]:
    """The rates of each kind of key in `scope`, from `settings.RATE_LIMITS`."""
    configured: Mapping[str, str | list[str]] = settings.RATE_LIMITS[scope]
    return {
        kind: [Rate.parse(text) for text in ([rates] if isinstance(rates, str) else rates)]
        for kind, rates in configured.items()
    }


def _key(scope: str, kind: str, value: str, rate: Rate) -> str:
    """The counter of one key and window: the value only as an HMAC."""
    # The salt keeps the module's first name: a new one would restart every window.
    digest = salted_hmac("directory.ratelimit", value).hexdigest()[:32]
    return f"limit:{scope}:{kind}:{rate.seconds}:{digest}"


def _count_all(windows: dict[str, int]) -> dict[str, int]:
    """Add one to each counter (key: window in seconds); their new counts.

    On the database cache all of a request's counters take one statement
    (`CounterDatabaseCache.count_all`). Elsewhere (Redis) `add` starts a window
    (and only one process can start it) and `incr` counts within it, both atomic
    in the shared cache; a counter that expired between the two starts the next
    window."""
    cache = caches[CACHE_ALIAS]
    if isinstance(cache, CounterDatabaseCache):
        return cache.count_all(windows)
    counts: dict[str, int] = {}
    for key, seconds in windows.items():
        if cache.add(key, 1, timeout=seconds):
            counts[key] = 1
            continue
        try:
            counts[key] = int(cache.incr(key))
        except ValueError:
            cache.add(key, 1, timeout=seconds)
            counts[key] = 1
    return counts


def limited(
    scope: str, *, methods: tuple[str, ...] = ("POST",)
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Limit a view that has no form of its own to refuse on (per address and
    account only): a refused request gets a page with the message, status 429.

    Views with a form call `limit` themselves and show the refusal on the form."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods:
                try:
                    limit(request, scope)
                except RateLimited as refusal:
                    return refusal.respond(
                        render(request, "rate_limited.html", {"message": refusal.message})
                    )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class CounterDatabaseCache(DatabaseCache):
    """Django's database cache with `add` and `incr` atomic across processes, so
    that it can count: Django's own `incr` reads and then writes, and two
    processes would both count 5 where there were 6 requests.

    `incr` locks the counter's row while it reads and rewrites it, keeping its
    expiry. `add` first removes an expired row of its key: a fresh insert then
    either succeeds or meets the one another process just made (unique key),
    where updating the expired row in place would let both start a window.
    """

    @property
    def table_name(self) -> str:
        return str(self._table)  # type: ignore[attr-defined]

    def add(
        self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        db_key = self.make_and_validate_key(key, version=version)
        connection = connections[router.db_for_write(self.cache_model_class)]
        table = connection.ops.quote_name(self.table_name)
        now = timezone.now().replace(microsecond=0)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE cache_key = %s AND expires < %s",  # noqa: S608 - table name from settings
                [db_key, connection.ops.adapt_datetimefield_value(now)],
            )
        return bool(super().add(key, value, timeout, version))

    def incr(self, key: str, delta: int = 1, version: Any = None) -> Any:
        db_key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self.table_name)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT expires FROM {table} WHERE cache_key = %s FOR UPDATE",  # noqa: S608 - table name from settings
                [db_key],
            )
            row = cursor.fetchone()
            if row is None or self._expiry(connection, row[0]) < timezone.now():
                raise ValueError(f"Key {key!r} not found.")
            current = self.get(key, version=version)
            if current is None:
                raise ValueError(f"Key {key!r} not found.")
            value = current + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",  # noqa: S608 - table name from settings
                [encoded, db_key],
            )
        return value

    def count(self, key: str, *, timeout: int, version: Any = None) -> int:
        """Add one to the counter `key`, whose window lasts `timeout` seconds; its new value."""
        return self.count_all({key: timeout}, version=version)[key]

    def count_all(self, windows: dict[str, int], version: Any = None) -> dict[str, int]:
        """Add one to each counter (key: its window in seconds), all in one
        statement; the new value of each.

        A missing or expired counter starts again at 1 with a window of its
        seconds; a live one is incremented, its expiry kept. It is one
        `INSERT ... ON CONFLICT DO UPDATE` for every key, atomic across processes
        (the conflicting rows are locked, always in the order of their keys, so
        two requests sharing keys cannot deadlock), where `add` then `incr` take
        some ten statements per counter. The value stays readable by `get`: it is
        kept as Django's cache keeps values (base64 of a pickle), in pickle's
        protocol 0, whose integer is text (`I5\\n.`) that SQL can read and write.
        Only this method writes counters (a value that is not one is left as it
        is and refused); `add` and `incr` remain for other callers.
        """
        if not windows:
            return {}
        db_keys = {self.make_and_validate_key(key, version=version): key for key in windows}
        connection = connections[router.db_for_write(self.cache_model_class)]
        table = connection.ops.quote_name(self.table_name)
        now = timezone.now()
        number = "substring(encode(decode({}.value, 'base64'), 'escape') from '^I(-?[0-9]+)')"
        one = base64.b64encode(pickle.dumps(1, protocol=0)).decode("ascii")
        rows = sorted(
            (db_key, one, now + datetime.timedelta(seconds=windows[key]))
            for db_key, key in db_keys.items()
        )
        values = ", ".join(["(%s, %s, %s)"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {table} AS counter (cache_key, value, expires)
                VALUES {values}
                ON CONFLICT (cache_key) DO UPDATE SET
                    value = CASE WHEN counter.expires < %s THEN EXCLUDED.value ELSE coalesce(
                        encode(convert_to('I' || ({number.format("counter")}::bigint + 1)::text
                        || E'\\n.', 'UTF8'), 'base64'), counter.value) END,
                    expires = CASE WHEN counter.expires < %s
                        THEN EXCLUDED.expires ELSE counter.expires END
                RETURNING counter.cache_key, {number.format("counter")}::bigint""",  # noqa: S608 - table name from settings
                [value for row in rows for value in row] + [now, now],
            )
            returned = cursor.fetchall()
        counts: dict[str, int] = {}
        for db_key, count in returned:
            if count is None:
                raise ValueError(f"Key {db_keys[db_key]!r} holds a value that is not a counter.")
            counts[db_keys[db_key]] = int(count)
        if random.random() < self.sweep_chance:  # noqa: S311 - housekeeping, not security
            self.sweep()
        return counts

    #: How often `count` also removes every expired counter (a window's first
    #: request reuses its own row, but keys seen once would stay for ever).
    sweep_chance = 0.01

    def sweep(self) -> None:
        """Remove every expired row (the cache's own culling is not used by `count`)."""
        connection = connections[router.db_for_write(self.cache_model_class)]
        table = connection.ops.quote_name(self.table_name)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE expires < %s",  # noqa: S608 - table name from settings
                [timezone.now()],
            )

    @staticmethod
    def _expiry(connection: Any, expires: Any) -> datetime.datetime:
        """The stored expiry as an aware datetime, read as Django's own backend does."""
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        return expires  # type: ignore[no-any-return]

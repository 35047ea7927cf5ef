"""Digests: one mail that gathers what happened since the last, sent when due.

A kind of subscription with a digest cadence names its sender (`digest` in
`kinds.SubscriptionKind`): its confirmed rows due a digest (`due_digest`) are
its work. Anything else that mails a digest, such as the desk's hourly letter
of an enquiry's follow-ups, registers a `Digest` from its app's `plugs.py`.

`manage.py send_digests` (cron) queues one `digest_send` task per item due,
whatever its app; each sender decides under a row lock and records its mail in
the same transaction, so a task run twice, or beside another, sends one mail.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from creativecities.mail.tasks import enqueue_with_transaction
from creativecities.subscriptions.kinds import SubscriptionKind, registered_kinds


@dataclass(frozen=True)
class Digest:
    """`due(now)`: the ids of what is due a digest; `send(id)`: write and
    record that one digest if it is still due, True if a mail was recorded."""

    name: str
    due: Callable[[datetime.datetime], Iterable[int]]
    send: Callable[[int], bool]


_DIGESTS: dict[str, Digest] = {}


def register_digest(digest: Digest) -> None:
    """Add a digest that is not a subscription kind's; registering it again replaces it."""
    _DIGESTS[digest.name] = digest


def _of_kind(kind: SubscriptionKind) -> Digest | None:
    sender = kind.digest
    if sender is None:
        return None

    def due(now: datetime.datetime) -> Iterable[int]:
        due = kind.model._default_manager.all().due_digest(now=now)  # type: ignore[attr-defined]
        return list(due.order_by("pk").values_list("pk", flat=True))

    return Digest(name=kind.name, due=due, send=lambda pk: sender(subscription_id=pk))


def registered_digests() -> list[Digest]:
    """Every subscription kind's digest, then the others, each once by name."""
    found = {digest.name: digest for digest in map(_of_kind, registered_kinds()) if digest}
    return list({**found, **_DIGESTS}.values())


@task()
def digest_send(*, name: str, object_id: int) -> bool:
    """Send one digest of the digest named `name` if it is due; True if sent."""
    for digest in registered_digests():
        if digest.name == name:
            return digest.send(object_id)
    return False  # a digest no longer declared: nothing to send


def digests_queue(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Queue a `digest_send` for every item due; the count queued per digest."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        for digest in registered_digests():
            ids = list(digest.due(now))
            for object_id in ids:
                enqueue_with_transaction(digest_send, name=digest.name, object_id=object_id)
            counts[digest.name] = len(ids)
    return counts

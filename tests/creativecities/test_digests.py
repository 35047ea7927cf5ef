"""The digest runner: what `manage.py send_digests` queues, whatever the app."""

from __future__ import annotations

import dataclasses
import datetime
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

from contactpoint.services.alerts import ALERTS
from creativecities.subscriptions import digests
from creativecities.subscriptions.digests import Digest, digest_send, register_digest
from creativecities.subscriptions.kinds import kind_named, register_kind
from creativecities.subscriptions.models import Cadence
from tests.contactpoint.factories import AlertSubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent() -> Iterator[list[int]]:
    """A digest of an app to come, registered for the test: what it sent."""
    calls: list[int] = []

    def send(object_id: int) -> bool:
        calls.append(object_id)
        return True

    register_digest(Digest(name="waiting_list", due=lambda now: [3, 5], send=send))
    yield calls
    digests._DIGESTS.pop("waiting_list")


def test_the_command_queues_every_registered_digest_and_each_task_reaches_its_sender(
    sent: list[int], django_capture_on_commit_callbacks: Any
) -> None:
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=out)

    assert sent == [3, 5]
    assert "waiting_list: 2 queued" in out.getvalue()
    # The desk's two digests are found through their app's declarations.
    assert "alerts: 0 queued" in out.getvalue()
    assert "enquiry_followups: 0 queued" in out.getvalue()


def test_a_task_of_a_digest_no_longer_declared_sends_nothing(sent: list[int]) -> None:
    assert digest_send.call(name="gone", object_id=3) is False
    assert sent == []


def test_a_kind_offering_a_digest_cadence_must_name_its_digest() -> None:
    with pytest.raises(ValueError, match="names no digest"):
        register_kind(dataclasses.replace(ALERTS, digest=None))
    assert kind_named("alerts") is ALERTS  # the declared kind stays


def test_a_subscription_kinds_due_rows_are_its_digests_work() -> None:
    now = datetime.datetime.now(tz=datetime.UTC)
    due = AlertSubscriptionFactory.create(cadence=Cadence.WEEKLY, last_digest_at=None)
    AlertSubscriptionFactory.create(cadence=Cadence.WEEKLY, last_digest_at=now)
    AlertSubscriptionFactory.create(cadence=Cadence.WEEKLY, confirmed_at=None)

    [alerts] = [digest for digest in digests.registered_digests() if digest.name == "alerts"]
    assert list(alerts.due(now)) == [due.pk]

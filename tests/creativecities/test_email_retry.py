"""`manage.py email_retry`: mail whose task was lost is queued again, failed mail on request."""

from typing import Any

import pytest
from django.core import mail

from creativecities.models import OutgoingEmail
from tests.directory.factories import OutgoingEmailFactory
from tests.directory.helpers import ago, run_command

pytestmark = pytest.mark.django_db


def run(capture: Any, *args: str) -> str:
    return run_command(capture, "email_retry", *args)


def test_overdue_mail_is_sent_and_mail_not_yet_due_waits(
    django_capture_on_commit_callbacks: Any,
) -> None:
    lost = OutgoingEmailFactory.create(to=["lost@example.org"], next_attempt_at=ago(minutes=30))
    OutgoingEmailFactory.create(to=["just-queued@example.org"], next_attempt_at=ago(minutes=1))
    OutgoingEmailFactory.create(
        to=["retry-later@example.org"], next_attempt_at=ago(minutes=-60), attempts=2
    )

    assert "Overdue emails queued again: 1." in run(django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["lost@example.org"]]
    lost.refresh_from_db()
    assert lost.status == OutgoingEmail.Status.SENT


def test_failed_and_interrupted_mail_is_sent_again_only_when_asked(
    django_capture_on_commit_callbacks: Any,
) -> None:
    failed = OutgoingEmailFactory.create(
        to=["failed@example.org"], status="failed", attempts=5, last_attempt_at=ago(minutes=60)
    )
    OutgoingEmailFactory.create(
        to=["interrupted@example.org"],
        status="sending",
        attempts=1,
        last_attempt_at=ago(minutes=20),
    )
    OutgoingEmailFactory.create(
        to=["in-flight@example.org"], status="sending", last_attempt_at=ago(minutes=1)
    )
    OutgoingEmailFactory.create(to=["sent@example.org"], status="sent", sent_at=ago(minutes=60))

    report = run(django_capture_on_commit_callbacks)
    assert "Failed or interrupted emails left as they are: 2 (--failed)." in report
    assert mail.outbox == []

    report = run(django_capture_on_commit_callbacks, "--failed")
    assert "Failed or interrupted emails queued again: 2." in report
    assert sorted(m.to[0] for m in mail.outbox) == ["failed@example.org", "interrupted@example.org"]
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (OutgoingEmail.Status.SENT, 1)

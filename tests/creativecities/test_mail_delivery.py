"""Delivery of recorded mail: at most once, retried with back-off, then failed."""

import datetime
import smtplib
from collections.abc import Sequence
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from creativecities.mail.tasks import email_deliver, enqueue_with_transaction
from creativecities.models import OutgoingEmail
from tests.directory.factories import OutgoingEmailFactory

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.creativecities.test_mail_delivery.UnreachableServer"
DEFERRING_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class UnreachableServer(BaseEmailBackend):
    """A mail server that drops the connection, as one being restarted does."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_mail_goes_out_once_however_often_its_task_runs() -> None:
    email = OutgoingEmailFactory.create()

    first = email_deliver.enqueue(email_id=email.pk)
    second = email_deliver.enqueue(email_id=email.pk)

    assert (first.return_value, second.return_value) == ("sent", "skipped")
    assert [m.to for m in mail.outbox] == [email.to]
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.SENT, 1)


def test_the_message_is_the_recorded_one() -> None:
    email = OutgoingEmailFactory.create(to=["a@example.org", "b@example.org"])

    email_deliver.call(email_id=email.pk)

    (message,) = mail.outbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.reply_to == ["sportello@example.org"]
    assert (message.subject, message.body) == (email.subject, email.body)


@pytest.mark.parametrize("status", ["sending", "sent", "failed"])
def test_a_mail_another_run_has_claimed_or_finished_is_left_alone(status: str) -> None:
    email = OutgoingEmailFactory.create(
        status=status, sent_at=timezone.now() if status == "sent" else None
    )

    assert email_deliver.call(email_id=email.pk) == "skipped"

    assert mail.outbox == []
    email.refresh_from_db()
    assert (email.status, email.attempts) == (status, 0)


def test_an_unreachable_mail_server_means_a_later_attempt(settings: Any) -> None:
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.TASKS = DEFERRING_TASKS
    email = OutgoingEmailFactory.create()
    before = timezone.now()

    assert email_deliver.call(email_id=email.pk) == "queued"

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED
    assert email.attempts == 1
    assert email.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert email.sent_at is None
    wait = datetime.timedelta(minutes=2)
    assert before + wait <= email.next_attempt_at <= timezone.now() + wait
    (retry,) = task_backends["default"].results  # type: ignore[attr-defined]
    assert retry.task.func is email_deliver.func
    assert retry.kwargs == {"email_id": email.pk}
    assert retry.task.run_after == email.next_attempt_at


def test_attempts_wait_longer_each_time_then_the_mail_fails(settings: Any) -> None:
    settings.EMAIL_BACKEND = FAILING_BACKEND
    email = OutgoingEmailFactory.create()

    outcomes, waits = [], []
    for _attempt in range(OutgoingEmail.MAX_ATTEMPTS):
        outcomes.append(email_deliver.call(email_id=email.pk))
        email.refresh_from_db()
        assert email.last_attempt_at is not None
        waits.append(email.next_attempt_at - email.last_attempt_at)

    assert outcomes == ["queued", "queued", "queued", "queued", "failed"]
    assert [round(wait.total_seconds() / 60) for wait in waits[:4]] == [2, 8, 32, 128]
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == OutgoingEmail.MAX_ATTEMPTS
    assert "SMTPServerDisconnected" in email.last_error
    assert email_deliver.call(email_id=email.pk) == "skipped"
    assert mail.outbox == []


def test_the_last_attempt_schedules_nothing(settings: Any) -> None:
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.TASKS = DEFERRING_TASKS
    email = OutgoingEmailFactory.create(attempts=OutgoingEmail.MAX_ATTEMPTS - 1)

    assert email_deliver.call(email_id=email.pk) == "failed"

    assert task_backends["default"].results == []  # type: ignore[attr-defined]


def test_a_message_that_cannot_be_built_fails_at_once(settings: Any) -> None:
    settings.TASKS = DEFERRING_TASKS
    email = OutgoingEmailFactory.create(subject="Two\nlines")  # a header may not hold a newline

    with pytest.raises(ValueError, match="newline"):
        email_deliver.call(email_id=email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.FAILED, 1)
    assert email.last_error.startswith("BadHeaderError")
    assert task_backends["default"].results == []  # type: ignore[attr-defined]


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Rollback(Exception):
    """Raised to leave an atomic block by rolling it back."""


def test_a_queue_in_the_database_takes_the_task_inside_the_transaction(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The task row commits or rolls back with the change it is about, and
    waits for no commit hook: the enquiry's mail costs no commit of its own."""
    settings.TASKS = DATABASE_TASKS
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(Rollback), transaction.atomic():
            enqueue_with_transaction(email_deliver, email_id=1)
            assert DBTaskResult.objects.count() == 1  # written, not yet committed
            raise Rollback
        assert not DBTaskResult.objects.exists()  # gone with the rollback

        with transaction.atomic():
            enqueue_with_transaction(email_deliver, email_id=2)
    assert callbacks == []
    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {"email_id": 2}


def test_any_other_queue_is_given_the_task_once_the_transaction_commits(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The immediate backend would run the task at once, before the change it
    is about is committed (or even when it is rolled back)."""
    settings.TASKS = DEFERRING_TASKS
    with pytest.raises(Rollback), transaction.atomic():
        enqueue_with_transaction(email_deliver, email_id=1)
        raise Rollback
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            enqueue_with_transaction(email_deliver, email_id=2)
            assert task_backends["default"].results == []  # type: ignore[attr-defined]
    assert len(callbacks) == 1
    (queued,) = task_backends["default"].results  # type: ignore[attr-defined]
    assert queued.kwargs == {"email_id": 2}

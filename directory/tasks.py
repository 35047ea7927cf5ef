"""Background work of the directory: delivering email, refreshing search.

Services enqueue these with ids only, through `enqueue_with_transaction`, so
that a worker can run them later and nothing is sent for a rollback.
"""

import datetime
import logging
from functools import partial
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, router, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from directory.models import Organisation, OutgoingEmail
from directory.search import index

logger = logging.getLogger(__name__)

REINDEX_CHUNK = 500
ERROR_LENGTH = 2000


def enqueue_with_transaction(
    work: Task[..., Any], *, run_after: datetime.datetime | None = None, **kwargs: Any
) -> None:
    """Queue `work` so that it runs only once the surrounding transaction commits
    (and not before `run_after`, on a queue that can wait: callers check
    `supports_defer`).

    A queue kept in the portal's own database (django-tasks-db's, which
    production and `make run` use) receives the task inside the transaction:
    the task commits or rolls back with the change it is about, and costs one
    insert and no commit of its own. Any other queue (the immediate backend of
    the tests, which would run the task at once) is given it after the commit.
    """
    if run_after is not None:
        work = work.using(run_after=run_after)
    backend: object = work.get_backend()  # the stubs see the two backends as unrelated
    same_database = router.db_for_write(DBTaskResult) == transaction.get_connection().alias
    if isinstance(backend, DatabaseBackend) and same_database:
        work.enqueue(**kwargs)
    else:
        transaction.on_commit(partial(work.enqueue, **kwargs))


@task()
def email_deliver(*, email_id: int) -> str:
    """Send one recorded email, at most once however often this task runs.

    The record is claimed first (queued → sending, in one conditional UPDATE), so a
    second run, a second worker or a re-enqueued task finds nothing to do. After the
    mail server accepts the message it is marked sent. A mail server that cannot be
    reached or refuses is tried again later, waiting longer each time, until
    `OutgoingEmail.MAX_ATTEMPTS`; then the mail is marked failed for staff to see.
    Returns the status the record was left in.
    """
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.SENDING, attempts=F("attempts") + 1, last_attempt_at=now
    )
    if not claimed:
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=email.reply_to,
        headers=email.headers or None,
    )
    try:
        message.send()
    except OSError as error:  # SMTP errors are OSErrors, as are refused connections
        return _email_failed(email, error, retry=True)
    except Exception as error:
        # Not the mail server's doing (a malformed address, say): trying again
        # would fail the same way.
        _email_failed(email, error, retry=False)
        raise
    _claimed(email).update(status=OutgoingEmail.Status.SENT, sent_at=timezone.now())
    return OutgoingEmail.Status.SENT


def _claimed(email: OutgoingEmail) -> models.QuerySet[OutgoingEmail]:
    """The record, if it is still this run's to finish."""
    return OutgoingEmail.objects.filter(pk=email.pk, status=OutgoingEmail.Status.SENDING)


def _email_failed(email: OutgoingEmail, error: Exception, *, retry: bool) -> str:
    """Record why an attempt failed; schedule the next one or give up."""
    last_error = f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
    if not retry or email.attempts >= OutgoingEmail.MAX_ATTEMPTS:
        logger.error("Email %s failed after %s attempts: %s", email.pk, email.attempts, last_error)
        _claimed(email).update(status=OutgoingEmail.Status.FAILED, last_error=last_error)
        return OutgoingEmail.Status.FAILED
    next_attempt_at = timezone.now() + OutgoingEmail.retry_delay(email.attempts)
    logger.warning(
        "Email %s not sent, trying again at %s: %s", email.pk, next_attempt_at, last_error
    )
    _claimed(email).update(
        status=OutgoingEmail.Status.QUEUED, last_error=last_error, next_attempt_at=next_attempt_at
    )
    if email_deliver.get_backend().supports_defer:
        email_deliver.using(run_after=next_attempt_at).enqueue(email_id=email.pk)
    # Otherwise (tasks run at once, no worker to wait) `manage.py email_retry`
    # sends it once it is due.
    return OutgoingEmail.Status.QUEUED


@task()
def organisations_reindex(
    *, sector_id: int | None = None, municipality_id: int | None = None
) -> None:
    """Refresh the search entries of the organisations in a renamed sector or place:
    their names are part of what is searched (see `directory.search`)."""
    organisations = Organisation.objects.select_related("municipality").prefetch_related("sectors")
    if sector_id is not None:
        organisations = organisations.filter(sectors=sector_id)
    if municipality_id is not None:
        organisations = organisations.filter(municipality_id=municipality_id)
    rows = organisations.order_by("pk").iterator(chunk_size=REINDEX_CHUNK)
    while chunk := list(islice(rows, REINDEX_CHUNK)):
        index(chunk)

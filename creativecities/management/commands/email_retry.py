"""Hand the task queue the mail it should have sent and has not.

Delivery is queued when a change commits and retried by the worker on its own;
this command covers what the queue cannot: a worker that was down or a queue that
was emptied (queued mails overdue by more than `--minutes`), and, when asked
with `--failed`, mails that failed or whose sending was interrupted, once the
cause is fixed. Without a worker (tasks run at once) it is also what retries a
mail the mail server refused for a while. Run it every few minutes:

    */10 * * * * cd /srv/creativecities && .venv/bin/python manage.py email_retry

Each mail still goes out at most once: delivery claims the record before sending.
"""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from creativecities.mail.models import OutgoingEmail
from creativecities.mail.notifications import email_enqueue_after_commit, email_resend


class Command(BaseCommand):
    help = (
        "Queue again the emails overdue by more than a few minutes; with --failed, "
        "also those that failed or whose sending was interrupted."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--minutes",
            type=int,
            default=5,
            help="How long past its time a queued email must be to count as lost (default 5).",
        )
        parser.add_argument(
            "--failed",
            action="store_true",
            help="Also send again the emails that failed or whose sending was interrupted.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        grace = datetime.timedelta(minutes=options["minutes"])
        with transaction.atomic():
            overdue = list(
                OutgoingEmail.objects.overdue(grace=grace)
                .order_by("next_attempt_at")
                .values_list("pk", flat=True)
            )
            email_enqueue_after_commit(ids=overdue)
        report = f"Overdue emails queued again: {len(overdue)}."
        if options["failed"]:
            resent = email_resend(emails=OutgoingEmail.objects.all())
            report += f" Failed or interrupted emails queued again: {resent}."
        else:
            waiting = OutgoingEmail.objects.resendable().count()
            if waiting:
                report += f" Failed or interrupted emails left as they are: {waiting} (--failed)."
        self.stdout.write(report)

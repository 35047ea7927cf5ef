"""Queue the alerts' digests of every subscriber due one, and the enquiry
follow-up digests that are due but were not queued to wait for their time (a
task queue that cannot wait, such as the immediate one; the database queue of
production runs them on time by itself).

Run it daily (or more often; a subscriber gets at most one digest per period
of their cadence, a day or a week, whatever the schedule):

    0 7 * * * cd /srv/creativecities && .venv/bin/python manage.py desk_send_digests

It only enqueues; the task queue's worker writes and sends the digests.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from contactpoint.models import AlertSubscription, Enquiry
from contactpoint.tasks import alert_digest_send, enquiry_followups_digest_send
from creativecities.mail.tasks import enqueue_with_transaction


class Command(BaseCommand):
    help = "Queue the alert digest of every confirmed subscriber due one."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(
            AlertSubscription.objects.due_digest().order_by("pk").values_list("pk", flat=True)
        )
        enquiry_ids = list(
            Enquiry.objects.filter(followups_digest_due_at__lte=timezone.now())
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        with transaction.atomic():
            for subscription_id in ids:
                enqueue_with_transaction(alert_digest_send, subscription_id=subscription_id)
            for enquiry_id in enquiry_ids:
                enqueue_with_transaction(enquiry_followups_digest_send, enquiry_id=enquiry_id)
        self.stdout.write(f"Digests queued: {len(ids)}")
        self.stdout.write(f"Enquiry follow-up digests queued: {len(enquiry_ids)}")

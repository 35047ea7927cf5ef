"""Queue every digest that is due: each subscription kind's (the desk's alerts,
weekly or daily) and the others the apps register (the desk's letters of an
enquiry's follow-ups that a queue which cannot wait did not send on time).

Run it daily or more often; a subscriber gets at most one digest per period of
their cadence, whatever the schedule:

    0 7 * * * cd /srv/creativecities && .venv/bin/python manage.py send_digests

It only enqueues; the task queue's worker writes and sends the digests.
"""

from typing import Any

from django.core.management.base import BaseCommand

from creativecities.subscriptions.digests import digests_queue


class Command(BaseCommand):
    help = "Queue every digest that is due (subscriptions' and the apps' others)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, count in digests_queue().items():
            self.stdout.write(f"{name}: {count} queued")

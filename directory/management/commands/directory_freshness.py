"""Keep the directory current: remind members, tell the desk of lapsed profiles.

Run it once a day (cron, or any scheduler):

    0 6 * * * cd /srv/creativecities && .venv/bin/python manage.py directory_freshness

It is safe to run more often: each profile is reminded at most once a year and
each lapse is reported once.
"""

from typing import Any

from django.core.management.base import BaseCommand

from directory.models import Organisation
from directory.services.freshness import organisation_announce_lapsed, organisation_remind

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Ask members of profiles unconfirmed for a year to confirm them, and tell the "
        "desk which profiles left the listing after 18 months."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        due = list(Organisation.objects.due_reminder().order_by("pk").values_list("pk", flat=True))
        reminded = unreachable = 0
        for start in range(0, len(due), CHUNK):
            for organisation in Organisation.objects.filter(pk__in=due[start : start + CHUNK]):
                if organisation_remind(organisation=organisation):
                    reminded += 1
                else:
                    unreachable += 1
        lapsed = organisation_announce_lapsed()
        self.stdout.write(
            f"Reminders sent: {reminded}; profiles without members to remind: {unreachable}; "
            f"lapsed profiles reported to the desk: {len(lapsed)}."
        )

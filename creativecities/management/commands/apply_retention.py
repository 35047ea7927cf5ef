"""Apply the retention schedule: delete or anonymise the mail log, the history
and what the apps registered (login records, unfinished anonymous survey
sessions) past their periods (`creativecities.retention`). Idempotent; run it once a day:

    40 5 * * * cd /srv/creativecities && .venv/bin/python manage.py apply_retention
"""

from typing import Any

from django.core.management.base import BaseCommand

from creativecities.retention import retention_apply


class Command(BaseCommand):
    help = "Delete or anonymise records past their retention period (daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = retention_apply()
        self.stdout.write(f"Retention applied. {report}")

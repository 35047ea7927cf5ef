"""Remove registrations whose email address was never confirmed.

Run it once a day (cron, or any scheduler):

    30 5 * * * cd /srv/creativecities && .venv/bin/python manage.py directory_remove_unconfirmed

Registrations are kept `UNCONFIRMED_DRAFTS_DAYS` days (7 unless the settings
say otherwise), or `--days`; never less than a confirmation link lasts.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from creativecities.links.tokens import CONFIRMATION_MAX_AGE
from directory.services.accounts import user_remove_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete accounts registered more than UNCONFIRMED_DRAFTS_DAYS days ago whose "
        "email address was never confirmed, with their draft organisations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.UNCONFIRMED_DRAFTS_DAYS,
            help="Keep registrations this many days (default: UNCONFIRMED_DRAFTS_DAYS, or 7).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be removed, remove nothing."
        )

    def handle(self, *args: Any, days: int, dry_run: bool, **options: Any) -> None:
        if days < CONFIRMATION_MAX_AGE.days:
            raise CommandError(
                f"--days must be at least {CONFIRMATION_MAX_AGE.days}, how long a "
                "confirmation link lasts."
            )
        removed = user_remove_unconfirmed(older_than=datetime.timedelta(days=days), dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        for registration in removed:
            names = ", ".join(registration.organisations)
            self.stdout.write(
                f"{verb} {registration.email} (registered {registration.date_joined:%Y-%m-%d}) "
                f"with its draft organisations: {names}."
            )
        self.stdout.write(
            f"{verb} {len(removed)} unconfirmed registration(s) older than {days} days."
        )

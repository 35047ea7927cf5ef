"""Fill a development database with demo content, as many times as you like."""

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from directory.models import User

DEMO_STAFF_EMAIL = "sportello@demo.creativecities.example"


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo staff login."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (never on a production database).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo data is for development: set DJANGO_DEBUG=true or --force.")
        password = self.staff_password()
        staff, created = User.objects.get_or_create(
            email=DEMO_STAFF_EMAIL,
            defaults={"first_name": "Sportello", "last_name": "Demo", "is_staff": True},
        )
        if created or not staff.check_password(password):
            staff.set_password(password)
            staff.is_staff = True
            staff.save()
        staff.groups.add(Group.objects.get(name="Desk staff"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded. Desk staff login: {DEMO_STAFF_EMAIL} / {password} "
                f"at {settings.SITE_URL}/admin/"
            )
        )

    def staff_password(self) -> str:
        """A random password made once per checkout and kept in `.data/`."""
        path = settings.DATA_DIR / "demo-staff-password"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        return path.read_text().strip()

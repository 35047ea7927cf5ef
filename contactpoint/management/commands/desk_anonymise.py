"""`manage.py desk_anonymise` (daily): closed enquiries past the keeping period
lose their personal data and keep what the figures count."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from contactpoint.services.enquiries import enquiries_anonymise


class Command(BaseCommand):
    help = (
        "Anonymise closed enquiries older than DESK_ANONYMISE_AFTER_MONTHS: names, "
        "addresses, messages and replies are wiped; dates, topic and sector are kept."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = enquiries_anonymise()
        self.stdout.write(
            f"Enquiries anonymised: {count} (closed more than "
            f"{settings.DESK_ANONYMISE_AFTER_MONTHS} months ago)."
        )

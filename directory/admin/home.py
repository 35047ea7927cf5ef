"""What the directory adds to the desk's workbench (`directory.workbench`):
organisations waiting for review, mail that failed, the week's registrations;
and what waits is one count query per model."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.models import Organisation, OutgoingEmail
from directory.workbench import WAITING, WEEK, WorkbenchEntry, may_open


def changelist(name: str, **filters: str) -> str:
    """An admin change list, filtered:
    `changelist("directory_organisation", status__exact="pending")`."""
    url = reverse(f"admin:{name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def week_ago() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=7)


def organisations_waiting(request: HttpRequest) -> list[WorkbenchEntry]:
    if not may_open(request, "directory.organisation"):
        return []
    counts = Organisation.objects.aggregate(
        pending=Count("pk", filter=Q(status=Organisation.Status.PENDING)),
        week=Count("pk", filter=Q(created_at__gte=week_ago())),
    )
    return [
        WorkbenchEntry(
            group=WAITING,
            label=_("Organisations to review"),
            count=counts["pending"],
            url=changelist("directory_organisation", status__exact=Organisation.Status.PENDING),
            order=10,
        ),
        WorkbenchEntry(
            group=WEEK,
            label=_("Organisations registered"),
            count=counts["week"],
            url=changelist("directory_organisation", o="-created_at"),
        ),
    ]


def mail_failed(request: HttpRequest) -> list[WorkbenchEntry]:
    if not may_open(request, "directory.outgoingemail"):
        return []
    failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
    return [
        WorkbenchEntry(
            group=WAITING,
            label=_("Mail that failed"),
            count=failed,
            url=changelist("directory_outgoingemail", status__exact=OutgoingEmail.Status.FAILED),
            urgent=bool(failed),
            order=90,
        )
    ]

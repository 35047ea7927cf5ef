"""What the directory adds to the desk's workbench (`creativecities.panels.workbench`):
organisations waiting for review, the week's registrations;
and what waits is one count query per model."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from creativecities.panels.workbench import (
    WAITING,
    WEEK,
    WorkbenchEntry,
    changelist,
    may_open,
    week_ago,
)
from directory.models import Organisation


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

"""What the contact point adds to the desk's workbench (`creativecities.panels.workbench`)
and to an organisation's admin page: enquiries new and unassigned, past the
service target, received and answered this week, the statistics."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contactpoint.models import Enquiry, EnquiryMessage
from contactpoint.workdays import working_days_before
from creativecities.panels.workbench import (
    LINKS,
    WAITING,
    WEEK,
    WorkbenchEntry,
    changelist,
    may_open,
    week_ago,
)
from directory.models import Organisation

INBOX = "contactpoint_enquiry"


def enquiries_waiting(request: HttpRequest) -> list[WorkbenchEntry]:
    """Two queries: the enquiries' counts, the replies sent this week."""
    if not may_open(request, "contactpoint.enquiry"):
        return []
    now = timezone.now()
    cutoff = working_days_before(now, settings.DESK_SERVICE_TARGET_WORKING_DAYS)
    counts = Enquiry.objects.aggregate(
        unassigned=Count("pk", filter=Q(status=Enquiry.Status.NEW, assignee__isnull=True)),
        late=Count(
            "pk",
            filter=Q(
                first_answered_at__isnull=True,
                status__in=[Enquiry.Status.NEW, Enquiry.Status.ASSIGNED],
                created_at__lt=cutoff,
            ),
        ),
        week=Count("pk", filter=Q(created_at__gte=week_ago())),
    )
    replies = EnquiryMessage.objects.filter(
        kind=EnquiryMessage.Kind.REPLY, created_at__gte=week_ago()
    ).count()
    return [
        WorkbenchEntry(
            group=WAITING,
            label=_("New enquiries nobody holds"),
            count=counts["unassigned"],
            url=changelist(INBOX, inbox="all", status__exact=Enquiry.Status.NEW, held="nobody"),
            order=20,
        ),
        WorkbenchEntry(
            group=WAITING,
            label=_("Enquiries past the service target"),
            count=counts["late"],
            url=changelist(INBOX, inbox="all", age="late"),
            urgent=bool(counts["late"]),
            order=30,
        ),
        WorkbenchEntry(
            group=WEEK,
            label=_("Enquiries received"),
            count=counts["week"],
            url=changelist(INBOX, inbox="all", age="week"),
        ),
        WorkbenchEntry(
            group=WEEK,
            label=_("Replies sent"),
            count=replies,
            url=changelist(INBOX, inbox="all", status__exact=Enquiry.Status.ANSWERED),
        ),
        WorkbenchEntry(
            group=LINKS,
            label=_("Enquiry statistics"),
            url=reverse("admin:contactpoint_enquiry_statistics"),
        ),
    ]


def organisation_enquiries(
    request: HttpRequest, organisation: Organisation
) -> WorkbenchEntry | None:
    """The organisation's enquiries, as a count linking to the inbox filtered to them."""
    if not may_open(request, "contactpoint.enquiry"):
        return None
    count = Enquiry.objects.filter(organisation=organisation).count()
    return WorkbenchEntry(
        group=LINKS,
        label=_("Enquiries of this organisation"),
        count=count,
        url=changelist(INBOX, inbox="all", organisation=str(organisation.pk)),
    )

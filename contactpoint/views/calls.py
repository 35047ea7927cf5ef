"""Public pages of funding calls: the list, one call, and its ask-the-desk link."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from contactpoint.filters.calls import FundingCallFilter
from contactpoint.models import FundingCall
from creativecities import fragments
from creativecities.lists.pagination import DeferredJoinPaginator
from directory.models import Sector

PER_PAGE = 20


@require_safe
def call_list(request: HttpRequest) -> HttpResponse:
    """Open and forthcoming calls by deadline, then the closed ones: at most five
    queries whatever the filters (sectors, count, page)."""
    now = timezone.now()
    filterset = FundingCallFilter(
        request.GET, queryset=FundingCall.objects.published().by_deadline(now)
    )
    rows = FundingCall.objects.with_status(now).defer("search_vector")
    paginator = DeferredJoinPaginator(filterset.qs, PER_PAGE, rows=rows)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = list(page_obj.object_list)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "cards": fragments.render_cards(
            request,
            "contactpoint/calls/call_list.html#call_card",
            page_obj.object_list,
            name="call",
            key=_card_versions,
        ),
    }
    return render(request, "contactpoint/calls/call_list.html", context)


def _card_versions(call: FundingCall) -> tuple[Any, ...]:
    """What a call's card shows that may change: the row (its dates too, which a
    bulk update changes without `updated_at`) and its status as of now, which
    changes with time ("Closes in 2 days")."""
    return (call.pk, call.updated_at, call.opens_at, call.closes_at, call.status_label)


@require_safe
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(
        FundingCall.objects.published().with_status().prefetch_related("sectors"), slug=slug
    )
    return render(request, "contactpoint/calls/call_detail.html", {"call": call})


PANEL_CALLS = 5


def sector_calls_panel(request: HttpRequest, sector: Sector) -> tuple[str, dict[str, Any]] | None:
    """The sector's calls one can apply for, soonest deadline first: one query."""
    now = timezone.now()
    calls = list(
        FundingCall.objects.published()
        .in_sector(sector)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "id")
        .only("slug", "title_it", "title_en", "closes_at")[:PANEL_CALLS]
    )
    if not calls:
        return None
    return "directory/includes/sector_panel.html", {
        "title": gettext("Open funding calls"),
        "links": [
            {
                "url": call.get_absolute_url(),
                "label": gettext("%(title)s (deadline %(date)s)")
                % {"title": call.title, "date": date_format(timezone.localtime(call.closes_at))},
            }
            for call in calls
        ],
        "more_url": f"{reverse('contactpoint:calls')}?status=open&sector={sector.slug}",
        "more_label": gettext("Every open call of this sector"),
    }

"""What the desk adds to a sector's page and to the home page (registered in
`apps.py`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from contactpoint.models import FundingCall, Guide
from contactpoint.services.desk import desk_contacts
from directory.models import Sector

SECTOR_GUIDES = 5


def guides_panel(request: HttpRequest, sector: Sector) -> tuple[str, dict[str, Any]] | None:
    """The published guides tied to the sector (one query); nothing if none."""
    guides = list(
        Guide.objects.published()
        .in_sector(sector)
        .for_list()
        .order_by("title", "id")[:SECTOR_GUIDES]
    )
    if not guides:
        return None
    return "contactpoint/sector_panel.html", {"guides": guides}


HOME_CALLS = 3
HOME_GUIDES = 3


def home_calls_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The calls closing soon: the published calls one can apply for, the soonest
    deadline first (one query); nothing when none is open."""
    now = timezone.now()
    calls = list(
        FundingCall.objects.published()
        .with_status(now)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .defer("search_vector", "description_it", "description_en")
        .order_by("closes_at", "id")[:HOME_CALLS]
    )
    if not calls:
        return None
    return "contactpoint/home/calls.html", {"calls": calls}


def home_guides_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The desk's guides last written or reviewed (one query)."""
    guides = list(
        Guide.objects.published()
        .for_list()
        .order_by("-last_reviewed", "-updated_at", "-id")[:HOME_GUIDES]
    )
    if not guides:
        return None
    return "contactpoint/home/guides.html", {"guides": guides}


def home_contact_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """How to reach the desk, from the cached contacts: no query once cached."""
    return "contactpoint/home/contact.html", {"desk": desk_contacts()}

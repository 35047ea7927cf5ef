"""What the desk adds to a sector's page (registered in `apps.py`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from contactpoint.models import Guide
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

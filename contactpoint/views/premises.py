"""Public pages of premises: the list, the map (the same list with pins above
it, so it works without JavaScript), its GeoJSON, and one premises' page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from contactpoint.filters.premises import PremisesFilter
from contactpoint.models import Premises
from creativecities import fragments
from creativecities.lists.pagination import DeferredJoinPaginator
from creativecities.text import export_value
from directory.models import Sector

PER_PAGE = 20
MAP_MAX_FEATURES = 1000


def _results(request: HttpRequest) -> dict[str, Any]:
    """The filtered, paginated premises, newest first: at most four queries
    (count, page, photos; the municipality is joined)."""
    filterset = PremisesFilter(
        request.GET, queryset=Premises.objects.published().order_by("-published_at", "id")
    )
    paginator = DeferredJoinPaginator(filterset.qs, PER_PAGE, rows=Premises.objects.for_cards())
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = list(page_obj.object_list)
    return {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "cards": fragments.render_cards(
            request,
            "contactpoint/premises/results.html#premises_card",
            page_obj.object_list,
            name="premises",
            key=_card_versions,
        ),
    }


def _card_versions(premises: Premises) -> tuple[Any, ...]:
    """What a premises' card shows that may change: the row, and its first photo
    (a photo of its own, changed without the row)."""
    photos = premises.photos.all()
    first = photos[0].thumbnail.name if photos else ""
    return premises.pk, premises.updated_at, first


@require_safe
def premises_list(request: HttpRequest) -> HttpResponse:
    return render(request, "contactpoint/premises/premises_list.html", _results(request))


@require_safe
def premises_map(request: HttpRequest) -> HttpResponse:
    context = _results(request)
    context["map_tiles_url"] = settings.MAP_TILES_URL
    return render(request, "contactpoint/premises/premises_map.html", context)


@require_safe
def premises_geojson(request: HttpRequest) -> JsonResponse:
    """Published premises with coordinates, under the list's filters, in the
    shape the directory's map script reads (name, url, sector, municipality)."""
    filterset = PremisesFilter(request.GET, queryset=Premises.objects.published())
    rows = (
        filterset.qs.filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("municipality")
        .order_by("-published_at", "id")[:MAP_MAX_FEATURES]
    )
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(premises.longitude or 0), float(premises.latitude or 0)],
            },
            "properties": {
                "name": premises.title,
                "url": premises.get_absolute_url(),
                "sector": str(premises.get_kind_display()),
                "municipality": premises.municipality.name,
            },
        }
        for premises in rows
    ]
    response = JsonResponse(
        export_value({"type": "FeatureCollection", "features": features}, "json"),
        content_type="application/geo+json",
        json_dumps_params={"separators": (",", ":")},
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
def premises_detail(request: HttpRequest, slug: str) -> HttpResponse:
    premises = get_object_or_404(
        Premises.objects.published().for_cards().prefetch_related("sectors"), slug=slug
    )
    return render(
        request,
        "contactpoint/premises/premises_detail.html",
        {"premises": premises},
    )


PANEL_PREMISES = 5


def sector_premises_panel(
    request: HttpRequest, sector: Sector
) -> tuple[str, dict[str, Any]] | None:
    """The newest premises suited to the sector: one query."""
    found = list(
        Premises.objects.published()
        .in_sector(sector)
        .order_by("-published_at", "id")
        .only("slug", "title_it", "title_en", "kind", "floor_area")[:PANEL_PREMISES]
    )
    if not found:
        return None
    return "directory/includes/sector_panel.html", {
        "title": gettext("Premises for this sector"),
        "links": [
            {
                "url": premises.get_absolute_url(),
                "label": gettext("%(title)s (%(kind)s, %(area)s m²)")
                % {
                    "title": premises.title,
                    "kind": premises.get_kind_display(),
                    "area": premises.floor_area,
                },
            }
            for premises in found
        ],
        "more_url": reverse("contactpoint:premises"),
        "more_label": gettext("All premises available"),
    }

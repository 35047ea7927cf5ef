"""Public pages: home, sectors, the directory and its map, profiles, figures,
open data and the site's own pages."""

from __future__ import annotations

import datetime
import functools
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from creativecities import fragments, pagecache, sitemap
from creativecities.lists.pagination import DeferredJoinPaginator
from creativecities.panels.pages import (
    render_cluster_panels,
    render_home_panels,
    render_sector_panels,
)
from creativecities.text import export_value
from directory import exports, figures
from directory.filters import OrganisationFilter
from directory.maps import sector_pins
from directory.models import Organisation, OrganisationQuerySet, Page, Partner, Sector
from directory.page_cache import ORGANISATIONS
from directory.profiles import kept_profile, language_names, profile_url_affixes, social_links
from directory.reference import reference
from directory.structured_data import absolute_url, organisation_json_ld
from directory.validators import ateco_label

OPEN_GRAPH_LOCALES = {"it": "it_IT", "en": "en_GB"}
SECTOR_COUNT_TIMEOUT = 60

# A sector added in the last minute, not yet in the cached reference: a plain pin.
NO_PIN: dict[str, Any] = {"name": "", "number": None, "colour": None}

# The optional script of the directory asks for the results alone with this header.
PARTIAL_HEADER = "X-Partial"


HOME_ORGANISATIONS = 4


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The home page: a search, then the blocks the apps add (calls closing
    soon, guides, organisations, plan actions, sectors, the desk's contacts).
    They sit in the page's cached fragment: `panels` is called only when the
    fragment is missing, so a warm home page reads nothing from the database.
    The fragment is kept under the versions of what the blocks show, so an
    edit shows at once."""
    context = {
        "panels": lambda: render_home_panels(request),
        "panels_version": SimpleLazyObject(lambda: pagecache.view_version("directory:home")),
    }
    return render(request, "directory/home.html", context)


def home_organisations_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The organisations that joined the cluster last (one query; their sector
    and place from the cached reference data)."""
    organisations = list(
        Organisation.objects.published()
        .for_cards()
        .order_by("-created_at", "id")[:HOME_ORGANISATIONS]
    )
    if not organisations:
        return None
    known = reference()
    for organisation in organisations:
        organisation.primary_sector = known.sector(organisation.primary_sector_id)
        organisation.municipality = known.place(organisation.municipality_id)
    return "directory/home_parts/organisations.html", {"organisations": organisations}


def home_sectors_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    sectors = reference().sectors
    return ("directory/home_parts/sectors.html", {"sectors": sectors}) if sectors else None


@require_safe
def sector_list(request: HttpRequest) -> HttpResponse:
    """The sectors of the cluster, each with what it covers."""
    return render(request, "directory/sector_list.html", {"sectors": Sector.objects.all()})


@require_safe
def sector_detail(request: HttpRequest, slug: str) -> HttpResponse:
    sector = get_object_or_404(Sector, slug=slug)
    published = Organisation.objects.published().in_sector(sector)
    cards = Organisation.objects.for_cards().select_related("primary_sector", "municipality")
    # The paginator reads only ids and a count from the ordered queryset; `rows`
    # reads the page's cards.
    paginator = DeferredJoinPaginator(published.order_by("name", "id"), rows=cards)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "sector": sector,
        "ateco": [(code, ateco_label(code)) for code in sector.ateco_codes],
        # Exact, unlike the directory's capped count, so kept for a minute, or
        # until an organisation changes.
        "organisation_count": cache.get_or_set(
            f"directory:sector-count:{sector.pk}:{pagecache.version(ORGANISATIONS)}",
            published.count,
            SECTOR_COUNT_TIMEOUT,
        ),
        "page_obj": page_obj,
        "cards": organisation_cards(request, list(page_obj.object_list)),
        "panels": render_sector_panels(request, sector),
    }
    return render(request, "directory/sector_detail.html", context)


def organisation_cards(
    request: HttpRequest, organisations: list[Organisation], prefetch_too: list[str] | None = None
) -> list[SafeString]:
    """The cards of a page of organisations (sector and place attached), each kept
    until its profile changes, all read in one round trip to the cache (with the
    fragments `prefetch_too`)."""
    return fragments.render_cards(
        request,
        "directory/includes/organisation_card.html",
        organisations,
        name="organisation",
        key=lambda organisation: (organisation.pk, organisation.updated_at),
        prefetch_too=prefetch_too or [],
    )


def published_cards(since: datetime.datetime | None = None) -> OrganisationQuerySet:
    """What the directory lists: the published profiles' card columns."""
    cards: OrganisationQuerySet = Organisation.objects.published(since=since).for_cards()
    return cards


def _results(request: HttpRequest, action: str) -> dict[str, Any]:
    """The filtered, sorted, paginated directory: at most four queries. `action`
    is the filter form's address. Its cards, the form (unless words were
    searched) and the page's own fragments are read from the cache at once."""
    filterset = OrganisationFilter(request.GET, base=published_cards)
    page_obj = filterset.paginator().get_page(request.GET.get("page"))
    page_obj.object_list = filterset.attach(list(page_obj.object_list))
    form_key = filterset.form_key
    form = (
        []
        if form_key is None
        else [fragments.fragment_key("directory_filters", get_language(), action, form_key)]
    )
    return {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "cards": organisation_cards(request, page_obj.object_list, prefetch_too=form),
        "active_filters": filterset.active_filters(),
    }


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    template = "directory/organisation_list.html"
    if request.headers.get(PARTIAL_HEADER) == "results":
        template += "#results"
    response = render(request, template, _results(request, reverse("directory:list")))
    patch_vary_headers(response, [PARTIAL_HEADER])
    return response


@require_safe
def organisation_map(request: HttpRequest) -> HttpResponse:
    """The map page: without JavaScript it is the list of results."""
    context = _results(request, reverse("directory:map"))
    context["map_tiles_url"] = settings.MAP_TILES_URL
    context["legend"] = list(sector_pins(context["filterset"].reference.sectors).values())
    return render(request, "directory/organisation_map.html", context)


@require_safe
def organisation_geojson(request: HttpRequest) -> JsonResponse:
    """Published organisations with coordinates, under the directory's filters."""
    filterset = OrganisationFilter(request.GET, queryset=Organisation.objects.published())
    filterset.qs  # noqa: B018 (applies the filters, filling `matches`)
    pins = sector_pins(filterset.reference.sectors)
    places = {pk: name for pk, _slug, name, _kind in filterset.reference.places}
    url_before, url_after = profile_url_affixes()
    rows = (
        filterset.matches.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("name", "id")
        .values_list("slug", "name", "latitude", "longitude", "primary_sector", "municipality")
    )
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                # Both are set: the filter above leaves out rows without them.
                "coordinates": [float(longitude), float(latitude)],  # type: ignore[arg-type]
            },
            "properties": {
                "name": name,
                "url": f"{url_before}{slug}{url_after}",
                "sector": pins.get(sector_id, NO_PIN)["name"],
                "municipality": places.get(place_id, ""),
                # The sector's pin: its number and colour (`directory.maps`).
                "pin": pins.get(sector_id, NO_PIN)["number"],
                "colour": pins.get(sector_id, NO_PIN)["colour"],
            },
        }
        for slug, name, latitude, longitude, sector_id, place_id in rows
    ]
    response = JsonResponse(
        export_value({"type": "FeatureCollection", "features": features}, "json"),
        content_type="application/geo+json",
        json_dumps_params={"separators": (",", ":")},
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


def _may_preview(user: Any, organisation: Organisation) -> bool:
    """Members see their own profile before it is public; so does the desk."""
    if not user.is_authenticated:
        return False
    return bool(user.is_staff) or organisation.memberships.filter(user=user).exists()


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = kept_profile(slug)
    if organisation is None:
        raise Http404
    preview = not organisation.is_public
    if preview and not _may_preview(request.user, organisation):
        raise Http404
    known = reference()
    language = get_language()
    versions = (organisation.pk, organisation.updated_at)
    fragments.prefetch(
        request,
        [
            fragments.fragment_key("profile_crumbs", *versions, language),
            *(
                fragments.fragment_key(name, *versions, organisation.confirmed_at, language)
                for name in ("profile_head", "profile_body")
                if not preview
            ),
        ],
    )

    # What only the cached fragments of the page show is worked out when one of
    # them is missing: the template calls these.
    @functools.cache
    def sectors() -> list[Sector]:
        return sorted(
            (known.sector(pk) for pk in organisation.sector_ids),  # type: ignore[attr-defined]
            key=lambda sector: (sector.order, sector.slug),
        )

    context = {
        "organisation": organisation,
        "preview": preview,
        "sectors": sectors,
        "languages": lambda: language_names(organisation),
        "social_links": lambda: social_links(organisation),
        "profile_url": lambda: absolute_url(organisation.get_absolute_url()),
        "logo_url": lambda: absolute_url(organisation.logo.url) if organisation.logo else "",
        "structured_data": lambda: organisation_json_ld(organisation, sectors=sectors()),
        "og_locale": OPEN_GRAPH_LOCALES.get(language, "it_IT"),
        "lapse_months": Organisation.lapse_months(),
        "place": lambda: _place(organisation, known),
        "map_tiles_url": settings.MAP_TILES_URL,
    }
    response = render(request, "directory/organisation_detail.html", context)
    if preview:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _place(organisation: Organisation, known: Any) -> dict[str, Any] | None:
    """The profile's small map: where it is, with its main sector's pin."""
    if not organisation.has_coordinates:
        return None
    return {
        "latitude": organisation.latitude,
        "longitude": organisation.longitude,
        "name": organisation.name,
        "pin": sector_pins(known.sectors).get(organisation.primary_sector_id, NO_PIN),
    }


@require_safe
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page, slug=slug)
    return render(request, "directory/page_detail.html", {"page": page})


@require_safe
def site_map(request: HttpRequest) -> HttpResponse:
    """Every section of the portal and its pages, as the apps declare them."""
    return render(request, "directory/site_map.html", {"sections": sitemap.site_map()})


@require_safe
def partners(request: HttpRequest) -> HttpResponse:
    """Partners by city, for the page's `regroup`: each city where its first partner
    stands in the set order, and its partners in that order."""
    partners = list(Partner.objects.all())
    first_seen: dict[str, int] = {}
    for index, partner in enumerate(partners):
        first_seen.setdefault(partner.city, index)
    partners.sort(key=lambda partner: first_seen[partner.city])
    return render(request, "directory/partners.html", {"partners": partners})


@require_safe
def cluster(request: HttpRequest) -> HttpResponse:
    context = {
        "figures": figures.cluster_figures(),
        "refresh_minutes": figures.CACHE_SECONDS // 60,
        "lapse_months": Organisation.lapse_months(),
        "licence": exports.LICENCE,
        "panels": render_cluster_panels(request),
    }
    return render(request, "directory/cluster.html", context)


@require_safe
def export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    """The published organisations as open data, streamed row by row."""
    write, content_type = exports.FORMATS[fmt]
    response = StreamingHttpResponse(write(), content_type=content_type)
    response["Link"] = f'<{exports.LICENCE["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=600"
    if fmt == "csv":
        response["Content-Disposition"] = 'attachment; filename="creative-cities-organisations.csv"'
    return response

"""Public pages of the directory: home, sectors, site pages, figures and open data."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from directory import exports
from directory.figures import cluster_figures
from directory.models import Page, Partner, Sector


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/home.html", {"sectors": Sector.objects.all()})


@require_safe
def sector_detail(request: HttpRequest, slug: str) -> HttpResponse:
    sector = get_object_or_404(Sector, slug=slug)
    return render(request, "directory/sector_detail.html", {"sector": sector})


@require_safe
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page, slug=slug)
    return render(request, "directory/page_detail.html", {"page": page})


@require_safe
def partners(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/partners.html", {"partners": Partner.objects.all()})


@require_safe
def cluster(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/cluster.html", {"figures": cluster_figures()})


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

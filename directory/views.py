"""Public pages of the directory: home, sectors and site pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

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

"""The portal's URLs plus what every figure is compared with: the bare view, the
empty page in the portal's frame and the naive directory (`bench/naive/`), these
two under the language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path

from creativecities.urls import urlpatterns as portal_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse("hello", content_type="text/plain")


def frame(request: HttpRequest) -> HttpResponse:
    """The portal's base template with nothing in it, and no query: the least any
    page of the portal costs, through the same middleware and language prefix."""
    return render(request, "base.html")


urlpatterns = [
    path("bench/hello", hello, name="bench_hello"),
    *i18n_patterns(
        path("bench/frame", frame, name="bench_frame"),
        path("", include("bench.naive.urls")),
        prefix_default_language=True,
    ),
    *portal_urlpatterns,
]

"""The portal's URLs plus what every figure is compared with: the bare view,
and the naive directory (`bench/naive/`) under the language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from creativecities.urls import urlpatterns as portal_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [
    path("bench/hello", hello, name="bench_hello"),
    *i18n_patterns(path("", include("bench.naive.urls")), prefix_default_language=True),
    *portal_urlpatterns,
]

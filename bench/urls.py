"""The portal's URLs plus what every figure is compared with: the bare view,
the naive directory (`bench/naive/`) and the list page rendered by Jinja2
(`bench/jinja/`), under the language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from bench.jinja import views as jinja_views
from creativecities.urls import urlpatterns as portal_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [
    path("bench/hello", hello, name="bench_hello"),
    *i18n_patterns(
        path("", include("bench.naive.urls")),
        path("bench/jinja/directory/", jinja_views.organisation_list, name="jinja_list"),
        prefix_default_language=True,
    ),
    *portal_urlpatterns,
]

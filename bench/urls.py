"""The portal's URLs plus the bare view every figure is compared with."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from creativecities.urls import urlpatterns as portal_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("bench/hello", hello, name="bench_hello"), *portal_urlpatterns]

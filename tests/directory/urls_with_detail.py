"""The site's URLs plus a stand-in public profile page, for tests of links to it.

The directory's own `detail` page belongs to the search part of the directory;
pages that link to it must work with it and without it.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path

from directory import urls as directory_urls


def profile(request: HttpRequest, slug: str) -> HttpResponse:
    return HttpResponse(slug)


directory_patterns: list[URLPattern | URLResolver] = [
    *directory_urls.urlpatterns,
    path("directory/<slug:slug>/", profile, name="detail"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
        path("accounts/", include("django.contrib.auth.urls")),
        path("", include((directory_patterns, "directory"))),
        prefix_default_language=True,
    ),
]

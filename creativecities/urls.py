"""Root URLs: pages under a language prefix, machine endpoints outside it."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from creativecities.media import media_serve
from creativecities.views import healthz, search, section
from directory.views import second_factor
from directory.views.members import LoginView, PasswordResetView
from directory.views.public import export as directory_export

admin.site.site_header = _("Creative Cities desk")
admin.site.site_title = _("Creative Cities desk")
admin.site.index_title = _("Contact point administration")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/survey-results/", include("survey.results_admin_urls")),
    path("admin/", admin.site.urls),
    re_path(
        r"^directory/export\.(?P<fmt>csv|json|geojson)$",
        directory_export,
        name="directory_export",
    ),
]

urlpatterns += i18n_patterns(
    path(
        "accounts/login/",
        LoginView.as_view(),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        PasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/second-factor/", second_factor.verify, name="second_factor_verify"),
    path("accounts/second-factor/setup/", second_factor.setup, name="second_factor_setup"),
    path(
        "accounts/second-factor/backup-codes/",
        second_factor.backup_codes,
        name="second_factor_backup_codes",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("subscriptions/", include("creativecities.subscriptions.urls")),
    # The whole portal's search, at an address in each language (/it/cerca/).
    path(_("search/"), search, name="search"),
    path("data/", section, {"name": "data"}, name="data"),
    path("contact-point/", include("contactpoint.urls")),
    path("action-plan/", include("actionplan.urls")),
    path("survey/", include("survey.urls")),
    path("survey/", include("survey.results_urls")),
    path("", include("directory.urls")),
    prefix_default_language=True,
)

# Uploaded files, served by the portal itself with safe headers in production
# as in development (`creativecities.media`); a reverse proxy may serve the
# folder before requests reach it. Media kept elsewhere (object storage, whose
# `MEDIA_URL` is a full address) are linked there instead.
if settings.MEDIA_URL.startswith("/") and not settings.MEDIA_URL.startswith("//"):
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media_serve, name="media"
        )
    ]

handler400 = "creativecities.errors.bad_request"
handler403 = "creativecities.errors.permission_denied"
handler404 = "creativecities.errors.page_not_found"

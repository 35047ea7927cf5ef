"""The desk's results pages, inside the admin (`/admin/survey-results/`)."""

from django.contrib import admin
from django.urls import path, re_path

from survey import results_views

app_name = "survey_results_admin"

urlpatterns = [
    path("", admin.site.admin_view(results_views.staff_index), name="index"),
    # Ids of at most nine digits: a longer one is the ordinary 404, not a database error.
    re_path(
        r"^(?P<pk>[0-9]{1,9})/$",
        admin.site.admin_view(results_views.staff_campaign),
        name="campaign",
    ),
    re_path(
        r"^(?P<pk>[0-9]{1,9})/publish/$",
        admin.site.admin_view(results_views.staff_publish),
        name="publish",
    ),
    re_path(
        r"^(?P<pk>[0-9]{1,9})/answers\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(results_views.staff_export),
        name="export",
    ),
]

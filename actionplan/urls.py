from django.urls import path

from actionplan.views import benchmark, following, public
from directory import converters  # noqa: F401 (registers the URL converters)

app_name = "actionplan"

urlpatterns = [
    path("", public.plan_list, name="plans"),
    path("benchmark/", benchmark.benchmark, name="benchmark"),
    path(
        "benchmark/report/<int:partner_id>/",
        benchmark.benchmark_report,
        name="benchmark_report",
    ),
    path(
        "follow/confirm/<confirmation_token:token>/",
        following.follow_confirm,
        name="follow_confirm",
    ),
    path(
        "follow/stop/<confirmation_token:token>/",
        following.follow_unsubscribe,
        name="follow_unsubscribe",
    ),
    # After every fixed path: a plan's slug never names one of them.
    path("<bounded_slug:slug>/", public.plan_detail, name="plan"),
    path("<bounded_slug:slug>/print/", public.plan_print, name="print"),
    path("<bounded_slug:slug>/export.csv", public.plan_export, name="export"),
    path("<bounded_slug:slug>/versions/", public.plan_versions, name="versions"),
    path("<bounded_slug:slug>/versions/<int:number>/", public.plan_detail, name="version"),
    path(
        "<bounded_slug:slug>/versions/<int:number>/print/",
        public.plan_print,
        name="version_print",
    ),
    path(
        "<bounded_slug:slug>/versions/<int:number>/changes/",
        public.plan_changes,
        name="changes",
    ),
    path("<bounded_slug:slug>/actions/<int:action_id>/", public.action_detail, name="action"),
    path(
        "<bounded_slug:slug>/actions/<int:action_id>/follow/",
        following.action_follow,
        name="follow",
    ),
]

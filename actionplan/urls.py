from django.urls import path

from actionplan.views import benchmark

app_name = "actionplan"

urlpatterns = [
    path("benchmark/", benchmark.benchmark, name="benchmark"),
    path(
        "benchmark/report/<int:partner_id>/",
        benchmark.benchmark_report,
        name="benchmark_report",
    ),
]

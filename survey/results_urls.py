"""The published results page, under /<lang>/survey/ beside the answering pages."""

from django.urls import path

from directory import converters  # noqa: F401 (registers the URL converters)
from survey import results_views

app_name = "survey_results"

urlpatterns = [
    path("<bounded_slug:slug>/results/", results_views.public, name="public"),
]

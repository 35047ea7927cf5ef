"""The naive pages, under the language prefix like the portal's:
/it/bench/naive/directory/ and /it/bench/naive/directory/<slug>/."""

from django.urls import path

from bench.naive import views

urlpatterns = [
    path("bench/naive/directory/", views.OrganisationListView.as_view(), name="naive_list"),
    path(
        "bench/naive/directory/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="naive_detail",
    ),
]

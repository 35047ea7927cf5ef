from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector"),
    path("privacy/", views.page_detail, {"slug": "privacy"}, name="privacy"),
    path("accessibility/", views.page_detail, {"slug": "accessibility"}, name="accessibility"),
    path("partners/", views.partners, name="partners"),
    path("cluster/", views.cluster, name="cluster"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
]

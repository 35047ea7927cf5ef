from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector"),
    path("directory/", views.organisation_list, name="list"),
    path("directory/map/", views.organisation_map, name="map"),
    path("directory/map.geojson", views.organisation_geojson, name="geojson"),
    # After every fixed path under directory/: "map" is not an organisation's slug.
    path("directory/<slug:slug>/", views.organisation_detail, name="detail"),
    path("privacy/", views.page_detail, {"slug": "privacy"}, name="privacy"),
    path("accessibility/", views.page_detail, {"slug": "accessibility"}, name="accessibility"),
    path("partners/", views.partners, name="partners"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
]

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
    path("cluster/", views.cluster, name="cluster"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
    # Members
    path("register/", views.register, name="register"),
    path("register/done/", views.register_done, name="register_done"),
    path("register/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("register/resend/", views.resend_confirmation, name="resend_confirmation"),
    path("account/", views.account, name="account"),
    path("directory/<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("directory/<slug:slug>/invite/", views.organisation_invite, name="invite"),
    path("directory/<slug:slug>/confirm/", views.confirm_profile, name="confirm_profile"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]

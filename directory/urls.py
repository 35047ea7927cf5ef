from django.urls import path

from directory import converters  # noqa: F401 (registers the URL converters)
from directory.views import members, personal_data, public, ratings

app_name = "directory"

urlpatterns = [
    path("", public.home, name="home"),
    path("sectors/", public.sector_list, name="sectors"),
    path("sectors/<bounded_slug:slug>/", public.sector_detail, name="sector"),
    path("directory/", public.organisation_list, name="list"),
    path("directory/map/", public.organisation_map, name="map"),
    path("directory/map.geojson", public.organisation_geojson, name="geojson"),
    # After every fixed path under directory/: "map" is not an organisation's slug.
    path("directory/<bounded_slug:slug>/", public.organisation_detail, name="detail"),
    path("privacy/", public.page_detail, {"slug": "privacy"}, name="privacy"),
    path("accessibility/", public.page_detail, {"slug": "accessibility"}, name="accessibility"),
    path("legal-notes/", public.page_detail, {"slug": "legal"}, name="legal"),
    path("site-map/", public.site_map, name="site_map"),
    path("partners/", public.partners, name="partners"),
    path("cluster/", public.cluster, name="cluster"),
    path("pages/<bounded_slug:slug>/", public.page_detail, name="page"),
    path("rating/", ratings.rate, name="rating"),
    path("rating/details/", ratings.rate_details, name="rating_details"),
    # Members
    path("register/", members.register, name="register"),
    path("register/done/", members.register_done, name="register_done"),
    path(
        "register/confirm/<confirmation_token:token>/", members.confirm_email, name="confirm_email"
    ),
    path("register/resend/", members.resend_confirmation, name="resend_confirmation"),
    path("account/", members.account, name="account"),
    path("account/my-data.json", personal_data.data_json, name="data_json"),
    path("account/my-data.zip", personal_data.data_csv, name="data_csv"),
    path("account/delete/", personal_data.delete, name="account_delete"),
    path("directory/<bounded_slug:slug>/edit/", members.organisation_edit, name="edit"),
    path("directory/<bounded_slug:slug>/invite/", members.organisation_invite, name="invite"),
    path("directory/<bounded_slug:slug>/confirm/", members.confirm_profile, name="confirm_profile"),
    path("invitations/<invitation_token:token>/", members.invitation, name="invitation"),
]

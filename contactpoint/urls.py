from django.urls import URLPattern, path

from contactpoint.views import alerts, desk, guides
from directory import converters  # noqa: F401 (registers the URL converters)

app_name = "contactpoint"

urlpatterns: list[URLPattern] = [
    path("", desk.home, name="home"),
    path("guides/", guides.guide_list, name="guides"),
    path("guides/<bounded_slug:slug>/", guides.guide_detail, name="guide"),
    path("alerts/", alerts.subscribe, name="alerts"),
    path("alerts/sent/", alerts.subscribe_done, name="alerts_done"),
    path("alerts/confirm/<confirmation_token:token>/", alerts.confirm, name="alerts_confirm"),
    path(
        "alerts/unsubscribe/<confirmation_token:token>/",
        alerts.unsubscribe,
        name="alerts_unsubscribe",
    ),
]

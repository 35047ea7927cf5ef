from django.urls import URLPattern, path

from contactpoint.feeds.calls import NewCallsFeed, deadlines_ical
from contactpoint.views import alerts, calls, desk, enquiries, guides, premises
from creativecities.subscriptions import views as subscription_views
from directory import converters  # noqa: F401 (registers the URL converters)

app_name = "contactpoint"

urlpatterns: list[URLPattern] = [
    path("", desk.home, name="home"),
    path("guides/", guides.guide_list, name="guides"),
    path("guides/<bounded_slug:slug>/", guides.guide_detail, name="guide"),
    path("alerts/", alerts.subscribe, name="alerts"),
    path("alerts/sent/", alerts.subscribe_done, name="alerts_done"),
    # Links mailed before the shared subscription pages: the same pages.
    path(
        "alerts/confirm/<confirmation_token:token>/",
        subscription_views.confirm,
        {"kind": "alerts"},
        name="alerts_confirm",
    ),
    path(
        "alerts/unsubscribe/<confirmation_token:token>/",
        subscription_views.stop,
        {"kind": "alerts"},
        name="alerts_unsubscribe",
    ),
    path("calls/", calls.call_list, name="calls"),
    path("calls/deadlines.ics", deadlines_ical, name="calls_ical"),
    path("calls/deadlines/<slug:sector>.ics", deadlines_ical, name="calls_ical_sector"),
    path("calls/new.atom", NewCallsFeed(), name="calls_atom"),
    path("calls/<slug:slug>/", calls.call_detail, name="call"),
    path("premises/", premises.premises_list, name="premises"),
    path("premises/map/", premises.premises_map, name="premises_map"),
    path("premises/map.geojson", premises.premises_geojson, name="premises_geojson"),
    path("premises/<slug:slug>/", premises.premises_detail, name="premises_detail"),
    path("ask/", enquiries.ask, name="ask"),
    path("ask/suggestions/", enquiries.ask_suggestions, name="ask_suggestions"),
    path("ask/sent/", enquiries.ask_sent, name="ask_sent"),
    path("ask/sent/resend/", enquiries.ask_sent_resend, name="ask_sent_resend"),
    path("account/enquiries/<str:reference>/", enquiries.member_enquiry, name="member_enquiry"),
    path("enquiries/<str:reference>/<str:token>/", enquiries.track, name="track"),
]

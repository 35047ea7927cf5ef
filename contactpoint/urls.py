from django.urls import URLPattern, path

from contactpoint.views import enquiries

app_name = "contactpoint"

urlpatterns: list[URLPattern] = [
    path("ask/", enquiries.ask, name="ask"),
    path("ask/suggestions/", enquiries.ask_suggestions, name="ask_suggestions"),
    path("ask/sent/", enquiries.ask_sent, name="ask_sent"),
    path("enquiries/<str:reference>/<str:token>/", enquiries.track, name="track"),
]

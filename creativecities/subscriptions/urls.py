"""The links of every subscription (`subscriptions:confirm`, `subscriptions:stop`)."""

from django.urls import re_path

from creativecities.subscriptions import views

app_name = "subscriptions"

KIND = r"(?P<kind>[a-z_]{1,40})"
LINK = r"(?P<token>[-a-zA-Z0-9_.:]{1,256})"

urlpatterns = [
    re_path(rf"^{KIND}/confirm/{LINK}/$", views.confirm, name="confirm"),
    re_path(rf"^{KIND}/stop/{LINK}/$", views.stop, name="stop"),
]

from django.urls import URLPattern

app_name = "actionplan"

urlpatterns: list[URLPattern] = []

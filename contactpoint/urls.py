from django.urls import URLPattern

app_name = "contactpoint"

urlpatterns: list[URLPattern] = []

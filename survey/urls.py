"""The survey's public pages, under /<lang>/survey/."""

from django.urls import path, register_converter

from directory import converters  # noqa: F401 (registers the URL converters)
from survey import views


class SmallNumberConverter:
    """An id or a page number: digits only, short enough for an integer column
    (a longer one answers 404, not a database error)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(SmallNumberConverter, "small_int")

app_name = "survey"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("invitation/<invitation_token:token>/", views.invitation, name="invitation"),
    path("answers/<small_int:pk>/page/<small_int:number>/", views.answer_page, name="page"),
    path("answers/<small_int:pk>/summary/", views.summary, name="summary"),
    path("answers/<small_int:pk>/reopen/", views.reopen, name="reopen"),
    path("<bounded_slug:slug>/", views.campaign_detail, name="campaign"),
    path("<bounded_slug:slug>/start/", views.campaign_start, name="start"),
]

"""The desk's home: what it offers, how to reach it, when it is open."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from contactpoint.models import Topic
from contactpoint.services.desk import desk_contacts


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """No query beyond what the footer already caches: the contacts come from the
    cache and the topics are code. Other parts of the desk add their blocks
    (the service figures) through the context of this view."""
    return render(
        request,
        "contactpoint/home.html",
        {"desk": desk_contacts(), "topics": Topic.choices},
    )

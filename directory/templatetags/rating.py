"""`{% page_rating %}`: the rating at the end of a content page, at the step
the visitor reached (the stars, the follow-up, or thanks)."""

from __future__ import annotations

from typing import Any

from django import template

from directory.models import PageRating
from directory.ratings import RatingDetailsForm, RatingForm, Started

register = template.Library()

# Ids of their own: a content page may hold other forms (following an action).
AUTO_ID = "page-rating-%s"


@register.inclusion_tag("includes/page_rating.html", takes_context=True)
def page_rating(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    query = request.GET
    page = request.path
    shown: dict[str, Any] = {"page": page, "expired": False}
    if "rated" in query:
        return {**shown, "step": "thanks"}
    token = query.get("rating", "")
    started = Started.from_token(token) if token else None
    if started is not None:
        aspects = [(aspect.value, aspect.label) for aspect in PageRating.aspects_for(started.stars)]
        return {
            **shown,
            "step": "details",
            "started": started,
            "aspects": aspects,
            "form": RatingDetailsForm(initial={"page": page, "token": token}, auto_id=AUTO_ID),
        }
    return {
        **shown,
        "step": "stars",
        "expired": bool(token),
        "form": RatingForm(initial={"page": page}, auto_id=AUTO_ID),
        "stars": range(1, 6),
    }

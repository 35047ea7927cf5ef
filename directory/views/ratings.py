"""The page rating's two steps, posted from any content page and sent back to it.

The forms carry no CSRF token, on purpose: they sit on every content page,
which must stay the same for every anonymous visitor (a token would make each
copy personal and uncacheable), and a rating acts for nobody: no account, no
personal data, one row per request, limited per address. A post that says it
comes from another site (`Origin`, or the browser's `Sec-Fetch-Site`) is
refused all the same.
"""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from creativecities.limits.ratelimit import RateLimited, limit
from directory.ratings import RatingDetailsForm, RatingForm, Started, rated_path
from directory.services.ratings import page_rating_complete, page_rating_start

ANCHOR = "page-rating"


def _back(page: str, **query: str) -> HttpResponseRedirect:
    """To the rated page's rating, with the step to show next."""
    path = page.split("?", 1)[0].split("#", 1)[0]
    suffix = f"?{urlencode(query)}" if query else ""
    return HttpResponseRedirect(f"{path}{suffix}#{ANCHOR}")


def _cross_site(request: HttpRequest) -> bool:
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin not in {"null", f"{request.scheme}://{request.get_host()}"}


def _refused(request: HttpRequest, page: str) -> HttpResponse | None:
    """A refusal for a post from another site or one too many, else None."""
    if _cross_site(request):
        return HttpResponse(status=HTTPStatus.FORBIDDEN)
    try:
        limit(request, "page_rating")
    except RateLimited as refusal:
        back = page if rated_path(page) else ""
        return refusal.respond(
            render(request, "rate_limited.html", {"message": refusal.message, "back_url": back})
        )
    return None


@csrf_exempt
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """Step one: store the stars, then show the follow-up on the page."""
    page = request.POST.get("page", "")
    refused = _refused(request, page)
    if refused is not None:
        return refused
    form = RatingForm(request.POST)
    if not form.is_valid():
        if "page" in form.errors:
            return HttpResponse(status=HTTPStatus.BAD_REQUEST)
        return _back(form.cleaned_data["page"])  # no star chosen: the question again
    page = form.cleaned_data["page"]
    rating = page_rating_start(
        path=rated_path(page) or "", language=get_language() or "", stars=form.cleaned_data["stars"]
    )
    return _back(page, rating=Started(rating.pk, rating.stars).token())


@csrf_exempt
@require_POST
def rate_details(request: HttpRequest) -> HttpResponse:
    """Step two: add what was liked or hard, and a comment; then thanks."""
    page = request.POST.get("page", "")
    refused = _refused(request, page)
    if refused is not None:
        return refused
    form = RatingDetailsForm(request.POST)
    if not form.is_valid():
        if "page" in form.errors or "aspect" in form.errors or "comment" in form.errors:
            return HttpResponse(status=HTTPStatus.BAD_REQUEST)
        return _back(form.cleaned_data["page"], rating="expired")
    page = form.cleaned_data["page"]
    started: Started = form.cleaned_data["started"]
    page_rating_complete(
        rating_id=started.rating_id,
        stars=started.stars,
        aspect=form.cleaned_data["aspect"],
        comment=form.cleaned_data["comment"],
    )
    return _back(page, rated="1")

"""Site-wide views with no better home: the health check, the pages of the
menu's sections that no app owns, and the whole portal's search."""

from typing import Any

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from creativecities import navigation
from creativecities.sitesearch import (
    MAX_QUERY,
    PER_PAGE,
    SearchForm,
    kinds,
    search_everything,
    search_one_kind,
)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Tell a load balancer whether this server can do its work.

    The portal cannot serve a page without its database, so the check asks the
    database a trivial question and answers 503 when it does not reply.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def section(request: HttpRequest, name: str) -> HttpResponse:
    """A section of the main menu that has no page of an app's own (data and
    survey): what is under it, from the site's structure."""
    return render(
        request, "creativecities/section.html", {"section": navigation.section_page(name)}
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The whole portal's search: the first hits of every kind, or one kind's
    hits page by page (`?kind=`). Never an error for what the address holds."""
    form = SearchForm(request.GET)
    form.is_valid()
    data = form.cleaned_data
    words, kind, page = data.get("q", ""), data.get("kind"), data.get("page", 1)
    context: dict[str, Any] = {
        "form": form,
        "words": words,
        "kinds": kinds(),
        "kind": kind,
        "trimmed": form.trimmed,
        "max_query": MAX_QUERY,
    }
    if words and kind is not None:
        group, page = search_one_kind(kind, words, page=page)
        paginator = Paginator(range(group.shown_count), PER_PAGE)
        context.update(group=group, page_obj=paginator.get_page(page))
    elif words:
        context["groups"] = search_everything(words)
    return render(request, "creativecities/search.html", context)

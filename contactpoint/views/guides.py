"""Guides: the list with its topic filter and search, and a guide's page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from contactpoint.forms import GuideFilterForm
from contactpoint.models import Guide, Topic
from contactpoint.services.guides import guide_body_html
from creativecities.lists.pagination import CappedPaginator, DeferredJoinPaginator, RankedPaginator

PER_PAGE = 12


@require_safe
def guide_list(request: HttpRequest) -> HttpResponse:
    form = GuideFilterForm(request.GET or None)
    words, topic = form.filters()
    guides = Guide.objects.published().for_list()
    if topic:
        guides = guides.about(topic)
    paginator: CappedPaginator[Guide]
    if words:
        paginator = RankedPaginator(guides.search(words), PER_PAGE)
    else:
        paginator = DeferredJoinPaginator(
            guides.order_by("title", "id"), PER_PAGE, rows=Guide.objects.for_list()
        )
    context = {
        "form": form,
        "words": words,
        "topic": topic,
        "topic_label": Topic(topic).label if topic else "",
        "topics": Topic.choices,
        "page_obj": paginator.get_page(request.GET.get("page")),
    }
    return render(request, "contactpoint/guide_list.html", context)


@require_safe
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = (
        Guide.objects.published()
        .filter(slug=slug)
        .prefetch_related("attachments", "sectors")
        .first()
    )
    if guide is None:
        raise Http404
    context = {
        "guide": guide,
        "body_html": guide_body_html(guide),
        "attachments": list(guide.attachments.all()),
        "sectors": list(guide.sectors.all()),
    }
    return render(request, "contactpoint/guide_detail.html", context)

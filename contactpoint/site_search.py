"""The desk's kinds in the portal's one search: guides, funding calls, premises."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contactpoint.models import FundingCall, Guide, Premises
from creativecities import formatting
from creativecities.lists.search import top_matches
from creativecities.sitesearch import Hit, SearchKind, excerpt, register_kind


def _list_url(name: str, words: str) -> str:
    return f"{reverse(name)}?{urlencode({'q': words})}"


def find_guides(words: str, offset: int, limit: int) -> tuple[list[Hit], int]:
    guides, found = top_matches(
        Guide.objects.published().for_list(), words, offset=offset, limit=limit
    )
    return [
        Hit(
            title=guide.title,
            url=guide.get_absolute_url(),
            summary=excerpt(guide.summary),
            facts=(guide.topic_label,),
        )
        for guide in guides
    ], found


def find_calls(words: str, offset: int, limit: int) -> tuple[list[Hit], int]:
    """Every published call, the closed ones too (they say so): a business
    looks for last year's call to know the next."""
    calls, found = top_matches(
        FundingCall.objects.published().only(
            "slug",
            "title_it",
            "title_en",
            "description_it",
            "description_en",
            "funder",
            "funder_name",
            "opens_at",
            "closes_at",
        ),
        words,
        offset=offset,
        limit=limit,
    )
    hits = []
    for call in calls:
        deadline = formatting.day(call.closes_at)
        hits.append(
            Hit(
                title=call.title,
                url=call.get_absolute_url(),
                summary=excerpt(call.description),
                facts=(
                    call.status_label,
                    gettext("Deadline %(date)s") % {"date": deadline},
                    call.funder_name or call.get_funder_display(),
                ),
            )
        )
    return hits, found


def find_premises(words: str, offset: int, limit: int) -> tuple[list[Hit], int]:
    premises, found = top_matches(
        Premises.objects.published().only(
            "slug",
            "title_it",
            "title_en",
            "description_it",
            "description_en",
            "kind",
            "floor_area",
            "address",
            "published_at",
        ),
        words,
        offset=offset,
        limit=limit,
    )
    return [
        Hit(
            title=item.title,
            url=item.get_absolute_url(),
            summary=excerpt(item.description),
            facts=(
                item.get_kind_display(),
                f"{formatting.number(item.floor_area)} m²",
                item.address,
            ),
        )
        for item in premises
    ], found


def register() -> None:
    register_kind(
        SearchKind(
            key="guides",
            label=_("Guides"),
            find=find_guides,
            list_url=lambda words: _list_url("contactpoint:guides", words),
            order=20,
        )
    )
    register_kind(
        SearchKind(
            key="calls",
            label=_("Funding calls"),
            find=find_calls,
            list_url=lambda words: _list_url("contactpoint:calls", words),
            order=30,
        )
    )
    register_kind(
        SearchKind(
            key="premises",
            label=_("Available premises"),
            find=find_premises,
            list_url=lambda words: _list_url("contactpoint:premises", words),
            order=40,
        )
    )

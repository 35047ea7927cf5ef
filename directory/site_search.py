"""The directory's kind in the portal's one search: published organisations."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from creativecities.lists.search import top_matches
from creativecities.sitesearch import Hit, SearchKind, excerpt, register_kind
from directory.models import Organisation
from directory.reference import reference


def find_organisations(words: str, offset: int, limit: int) -> tuple[list[Hit], int]:
    """Names first, then descriptions (the vector weighs names highest): one query,
    the sector and place from the cached reference data."""
    organisations, found = top_matches(
        Organisation.objects.published().only(
            "slug",
            "name",
            "short_description_it",
            "short_description_en",
            "primary_sector",
            "municipality",
        ),
        words,
        offset=offset,
        limit=limit,
    )
    known = reference()
    hits = []
    for organisation in organisations:
        facts = (
            str(known.sector(organisation.primary_sector_id).name),
            known.place(organisation.municipality_id).name,
        )
        hits.append(
            Hit(
                title=organisation.name,
                url=organisation.get_absolute_url(),
                summary=excerpt(organisation.short_description),
                facts=facts,
            )
        )
    return hits, found


def register() -> None:
    register_kind(
        SearchKind(
            key="organisations",
            label=_("Organisations"),
            find=find_organisations,
            list_url=lambda words: f"{reverse('directory:list')}?{urlencode({'q': words})}",
            order=10,
        )
    )

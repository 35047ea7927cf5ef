"""The plan's kind in the portal's one search: the actions of the published
plans, as last published (never a draft)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actionplan.models import WORKING_LANGUAGE, Action, Plan, PublishedActionEntry
from creativecities.lists.search import top_matches
from creativecities.sitesearch import Hit, SearchKind, excerpt, register_kind


def status_label(status: str) -> str:
    return str(Action.Status(status).label) if status in Action.Status.values else status


def find_actions(words: str, offset: int, limit: int) -> tuple[list[Hit], int]:
    """The entries matching the words in one query, their plans' slugs and
    titles in one more when something is found."""
    entries, found = top_matches(
        PublishedActionEntry.objects.all(), words, offset=offset, limit=limit
    )
    plans = {
        plan.pk: plan
        for plan in Plan.objects.filter(pk__in={entry.plan_id for entry in entries}).only(
            "slug", "title_it", "title_en"
        )
    }
    hits = []
    for entry in entries:
        plan = plans[entry.plan_id]
        hits.append(
            Hit(
                title=entry.title,
                url=reverse(
                    "actionplan:action", kwargs={"slug": plan.slug, "action_id": entry.action_id}
                ),
                summary=excerpt(entry.summary),
                facts=(str(plan.title), status_label(entry.status)),
                language=WORKING_LANGUAGE,
            )
        )
    return hits, found


def register() -> None:
    register_kind(SearchKind(key="actions", label=_("Plan actions"), find=find_actions, order=50))

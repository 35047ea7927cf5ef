"""The search entries of a published version: what the portal's one search
and the home page read of the plan (`PublishedActionEntry`)."""

from __future__ import annotations

from django.db import connection

from actionplan.models import PlanVersion, PublishedActionEntry
from actionplan.published.reading import read
from creativecities.lists.search import fold

# Titles as typed (A); the partners' texts, in English (B); the themes' titles
# in both languages (C), so that an action is found by its chapter too.
VECTOR_SQL = (
    "setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('english', %s), 'B')"
    " || setweight(to_tsvector('italian', %s), 'C')"
    " || setweight(to_tsvector('english', %s), 'C')"
)


def index_version(version: PlanVersion) -> None:
    """Make the plan's search entries those of `version` (its last published
    one): a fixed number of queries whatever the plan's size."""
    plan = read(version)
    PublishedActionEntry.objects.filter(plan_id=version.plan_id).delete()
    entries = []
    vectors = []
    for theme in plan.themes:
        for action in theme.actions:
            entries.append(
                PublishedActionEntry(
                    plan_id=version.plan_id,
                    action_id=action.id,
                    title=action.title,
                    summary=action.description,
                    status=action.status,
                    published_at=version.published_at,
                )
            )
            vectors.append(
                (
                    fold(action.title),
                    fold(f"{action.title} {action.description} {action.objectives}"),
                    fold(theme.title.values.get("it", "")),
                    fold(theme.title.values.get("en", "")),
                    version.plan_id,
                    action.id,
                )
            )
    PublishedActionEntry.objects.bulk_create(entries)
    if vectors:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {PublishedActionEntry._meta.db_table} SET search_vector = {VECTOR_SQL}"  # noqa: S608
                " WHERE plan_id = %s AND action_id = %s",
                vectors,
            )

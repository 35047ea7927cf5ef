"""The published actions' search entries (`PublishedActionEntry`), made from
each plan's last published version as every publication makes them from now
on (`actionplan.published.index_version`)."""

import unicodedata

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

VECTOR_SQL = (
    "setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('english', %s), 'B')"
    " || setweight(to_tsvector('italian', %s), 'C')"
    " || setweight(to_tsvector('english', %s), 'C')"
)


def fold(text):
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def index_last_versions(apps, schema_editor):
    PlanVersion = apps.get_model("actionplan", "PlanVersion")
    Entry = apps.get_model("actionplan", "PublishedActionEntry")
    last = {}
    for version in PlanVersion.objects.order_by("plan_id", "number"):
        last[version.plan_id] = version
    vectors = []
    for version in last.values():
        for theme in version.data["themes"]:
            for action in theme["actions"]:
                Entry.objects.create(
                    plan_id=version.plan_id,
                    action_id=action["id"],
                    title=action["title"],
                    summary=action["description"],
                    status=action["status"],
                    published_at=version.published_at,
                )
                text = f"{action['title']} {action['description']} {action['objectives']}"
                vectors.append(
                    (
                        fold(action["title"]),
                        fold(text),
                        fold(theme["title"].get("it")),
                        fold(theme["title"].get("en")),
                        version.plan_id,
                        action["id"],
                    )
                )
    if vectors:
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE actionplan_publishedactionentry SET search_vector = {VECTOR_SQL}"  # noqa: S608 (constants)
                " WHERE plan_id = %s AND action_id = %s",
                vectors,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0005_subscription_shared_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="PublishedActionEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("action_id", models.PositiveIntegerField(verbose_name="action")),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("summary", models.TextField(blank=True, verbose_name="description")),
                ("status", models.CharField(max_length=20, verbose_name="status")),
                ("published_at", models.DateTimeField(verbose_name="published")),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="actionplan.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "published action",
                "verbose_name_plural": "published actions",
                "ordering": ("-published_at", "-action_id"),
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["search_vector"], name="published_action_search"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("plan", "action_id"), name="published_action_once_per_plan"
                    )
                ],
            },
        ),
        migrations.RunPython(index_last_versions, migrations.RunPython.noop, elidable=True),
    ]

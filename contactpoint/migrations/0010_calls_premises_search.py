"""Funding calls and premises gain a stored search vector, as guides have one,
for their lists and the portal's one search; the rows stored before get theirs
here (later writes refresh it through the history's hook,
`search_document` on each model)."""

import unicodedata

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

VECTOR_SQL = (
    "setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('italian', %s), 'B')"
    " || setweight(to_tsvector('english', %s), 'B')"
    " || setweight(to_tsvector('italian', %s), 'C')"
    " || setweight(to_tsvector('english', %s), 'C')"
)


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sectors(item, language):
    return " ".join(getattr(sector, f"name_{language}") or "" for sector in item.sectors.all())


def index_existing(apps, schema_editor):
    FundingCall = apps.get_model("contactpoint", "FundingCall")
    Premises = apps.get_model("contactpoint", "Premises")
    calls = [
        (
            fold(f"{call.title_it or ''} {call.title_en or ''} {call.funder_name}"),
            fold(f"{call.title_it or ''} {call.description_it or ''}"),
            fold(f"{call.title_en or ''} {call.description_en or ''}"),
            fold(sectors(call, "it")),
            fold(sectors(call, "en")),
            call.pk,
        )
        for call in FundingCall.objects.prefetch_related("sectors")
    ]
    premises = [
        (
            fold(
                f"{item.title_it or ''} {item.title_en or ''} {item.address}"
                f" {item.municipality.name}"
            ),
            fold(f"{item.title_it or ''} {item.description_it or ''}"),
            fold(f"{item.title_en or ''} {item.description_en or ''}"),
            fold(sectors(item, "it")),
            fold(sectors(item, "en")),
            item.pk,
        )
        for item in Premises.objects.select_related("municipality").prefetch_related("sectors")
    ]
    with schema_editor.connection.cursor() as cursor:
        for table, rows in (
            ("contactpoint_fundingcall", calls),
            ("contactpoint_premises", premises),
        ):
            if rows:
                cursor.executemany(
                    f"UPDATE {table} SET search_vector = {VECTOR_SQL} WHERE id = %s",  # noqa: S608 (constants)
                    rows,
                )


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0009_subscription_shared_fields"),
        ("directory", "0030_campaign_results_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundingcall",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="premises",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="fundingcall",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="fundingcall_search"
            ),
        ),
        migrations.AddIndex(
            model_name="premises",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="premises_search"
            ),
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop, elidable=True),
    ]

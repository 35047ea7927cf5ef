"""The rate limits' counters in an unlogged table.

A counter lives for minutes and is written by nearly every form a visitor sends
(`directory.ratelimit`). Unlogged, its statement commits without waiting for the
write-ahead log to reach the disk, and no row of it goes to the log or to a
replica. What that gives up: after a crash of the database server the table is
empty, so the windows that were running start again.

The table has the columns `manage.py createcachetable` would give it, which then
finds it and leaves it alone; one that command already made is turned unlogged.
Nothing is done when the counters live in Redis (`DJANGO_LIMITS_CACHE_URL`).
"""

from django.conf import settings
from django.db import migrations


def counters_table() -> str | None:
    limits = settings.CACHES.get("limits", {})
    if limits.get("BACKEND") != "creativecities.limits.ratelimit.CounterDatabaseCache":
        return None
    return str(limits["LOCATION"])


def unlogged(apps, schema_editor):
    table = counters_table()
    if table is None:
        return
    quote = schema_editor.quote_name
    if table in schema_editor.connection.introspection.table_names():
        schema_editor.execute(f"ALTER TABLE {quote(table)} SET UNLOGGED")
        return
    schema_editor.execute(
        f"CREATE UNLOGGED TABLE {quote(table)} ("
        f"{quote('cache_key')} varchar(255) NOT NULL PRIMARY KEY, "
        f"{quote('value')} text NOT NULL, "
        f"{quote('expires')} timestamp with time zone NOT NULL)"
    )
    schema_editor.execute(
        f"CREATE INDEX {quote(f'{table}_expires')} ON {quote(table)} ({quote('expires')})"
    )


def logged(apps, schema_editor):
    table = counters_table()
    if table is not None and table in schema_editor.connection.introspection.table_names():
        schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} SET LOGGED")


class Migration(migrations.Migration):
    dependencies = [("directory", "0023_desk_reads_survey_results")]

    operations = [migrations.RunPython(unlogged, logged, elidable=False)]

"""Versions, status changes and outgoing mail belong to the portal's core now
(`creativecities`): removed from the directory's state, their tables and rows
untouched (the core's `0001_initial` takes them over under the same names).

Their content types are relabelled (`directory` to `creativecities`), so that
the permissions on them (`view_outgoingemail`, `resend_outgoingemail`...), the
groups' rights and the admin's log keep pointing at the same rows.
"""

from django.db import migrations

MODELS = ("version", "statechange", "outgoingemail")


def relabel(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        moved = ContentType.objects.filter(app_label=source, model=model).first()
        if moved is None:
            continue
        # A migration that made every app's permissions in between may have
        # made the target's row already: the moved one keeps the groups' rights.
        ContentType.objects.filter(app_label=target, model=model).delete()
        moved.app_label = target
        moved.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def to_core(apps, schema_editor):
    relabel(apps, "directory", "creativecities")


def to_directory(apps, schema_editor):
    relabel(apps, "creativecities", "directory")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0030_campaign_results_status"),
        ("creativecities", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Version"),
                migrations.DeleteModel(name="StateChange"),
                migrations.DeleteModel(name="OutgoingEmail"),
            ],
        ),
        migrations.RunPython(to_core, to_directory),
    ]

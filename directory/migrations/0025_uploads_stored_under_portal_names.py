"""Uploads are stored under names the portal chooses (`creativecities.media.PortalFileName`);
files stored earlier under the names their senders chose are moved to such names."""

from typing import Any

from django.db import migrations, models

import creativecities.media

FIELDS = (
    ("organisation", "logo"),
    ("organisation", "logo_thumbnail"),
    ("partner", "logo"),
    ("partner", "logo_thumbnail"),
)


def move_to_portal_names(apps: Any, schema_editor: Any) -> None:
    for model_name, field_name in FIELDS:
        model = apps.get_model("directory", model_name)
        creativecities.media.files_moved_to_portal_names(model, field_name)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0024_rate_limit_counters_unlogged"),
    ]

    operations = [
        migrations.AlterField(
            model_name="organisation",
            name="logo",
            field=models.ImageField(
                blank=True,
                upload_to=creativecities.media.PortalFileName("logos", "webp"),
                verbose_name="logo",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="logo_thumbnail",
            field=models.ImageField(
                blank=True,
                upload_to=creativecities.media.PortalFileName("logos/thumbs", "webp"),
                verbose_name="logo thumbnail",
            ),
        ),
        migrations.AlterField(
            model_name="partner",
            name="logo",
            field=models.ImageField(
                blank=True,
                upload_to=creativecities.media.PortalFileName("partners", "webp"),
                verbose_name="logo",
            ),
        ),
        migrations.AlterField(
            model_name="partner",
            name="logo_thumbnail",
            field=models.ImageField(
                blank=True,
                upload_to=creativecities.media.PortalFileName("partners/thumbs", "webp"),
                verbose_name="logo thumbnail",
            ),
        ),
        migrations.RunPython(move_to_portal_names, migrations.RunPython.noop),
    ]

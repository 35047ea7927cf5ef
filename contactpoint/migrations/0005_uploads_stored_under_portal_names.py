"""Uploads are stored under names the portal chooses (`creativecities.media.PortalFileName`);
files stored earlier under the names their senders chose are moved to such names."""

from typing import Any

from django.db import migrations, models

import creativecities.media

FIELDS = (("guideattachment", "file"), ("premisesphoto", "image"), ("premisesphoto", "thumbnail"))


def move_to_portal_names(apps: Any, schema_editor: Any) -> None:
    for model_name, field_name in FIELDS:
        model = apps.get_model("contactpoint", model_name)
        creativecities.media.files_moved_to_portal_names(model, field_name)


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0004_enquiry_reference_from_database"),
    ]

    operations = [
        migrations.AlterField(
            model_name="guideattachment",
            name="file",
            field=models.FileField(
                max_length=200,
                upload_to=creativecities.media.PortalFileName("guides", "pdf"),
                verbose_name="PDF file",
            ),
        ),
        migrations.AlterField(
            model_name="premisesphoto",
            name="image",
            field=models.ImageField(
                upload_to=creativecities.media.PortalFileName("premises", "webp"),
                verbose_name="photo",
            ),
        ),
        migrations.AlterField(
            model_name="premisesphoto",
            name="thumbnail",
            field=models.ImageField(
                editable=False,
                upload_to=creativecities.media.PortalFileName("premises/thumbs", "webp"),
                verbose_name="thumbnail",
            ),
        ),
        migrations.RunPython(move_to_portal_names, migrations.RunPython.noop),
    ]

"""Following an action joins the shared subscriptions: every existing follower,
confirmed or waiting, keeps its row and is mailed at each publication, as before."""

import django.utils.timezone
from django.db import migrations, models


def map_existing(apps, schema_editor):
    """The cadence users had, written on every row made before it was a field."""
    apps.get_model("actionplan", "follower").objects.update(cadence="immediate")


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0004_clean_stored_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="follower",
            name="cadence",
            field=models.CharField(
                choices=[
                    ("immediate", "at each change"),
                    ("daily", "once a day at most"),
                    ("weekly", "once a week at most"),
                ],
                default="immediate",
                max_length=10,
                verbose_name="how often",
            ),
        ),
        migrations.AddField(
            model_name="follower",
            name="last_digest_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last digest"),
        ),
        migrations.AlterField(
            model_name="follower",
            name="created_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="subscribed"
            ),
        ),
        migrations.AlterField(
            model_name="follower",
            name="language",
            field=models.CharField(
                choices=[("it", "Italian"), ("en", "English")],
                default="it",
                max_length=10,
                verbose_name="language",
            ),
        ),
        migrations.RunPython(map_existing, migrations.RunPython.noop),
    ]

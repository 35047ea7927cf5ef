"""The desk's alerts join the shared subscriptions: every existing subscription,
confirmed or waiting, keeps its row, its sectors and its weekly digest, as before."""

from django.db import migrations, models


def map_existing(apps, schema_editor):
    """The cadence users had, written on every row made before it was a field."""
    apps.get_model("contactpoint", "alertsubscription").objects.update(cadence="weekly")


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0008_standard_reply_titles_in_both_languages"),
    ]

    operations = [
        migrations.AddField(
            model_name="alertsubscription",
            name="cadence",
            field=models.CharField(
                choices=[
                    ("immediate", "at each change"),
                    ("daily", "once a day at most"),
                    ("weekly", "once a week at most"),
                ],
                default="weekly",
                max_length=10,
                verbose_name="how often",
            ),
        ),
        migrations.AlterField(
            model_name="alertsubscription",
            name="email",
            field=models.EmailField(max_length=254, verbose_name="email address"),
        ),
        migrations.RunPython(map_existing, migrations.RunPython.noop),
    ]

"""Standard replies are named in both languages, as their text is: the old
title is kept for both until the desk translates it."""

from django.db import migrations, models


def copy_titles(apps, schema_editor):
    StandardReply = apps.get_model("contactpoint", "StandardReply")
    StandardReply.objects.update(title_it=models.F("title"), title_en=models.F("title"))


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0007_clean_stored_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="standardreply",
            name="title_en",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="standardreply",
            name="title_it",
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name="title"),
        ),
        migrations.RunPython(copy_titles, migrations.RunPython.noop),
    ]

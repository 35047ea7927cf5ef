"""Whether a campaign's results are public becomes a status of the portal's one
workflow (publish, withdraw) instead of a box anyone editing the campaign could
tick: published campaigns stay published, the others stay unpublished."""

from typing import Any

from django.db import migrations, models


def to_status(apps: Any, schema_editor: Any) -> None:
    Campaign = apps.get_model("directory", "Campaign")
    Campaign.objects.filter(results_published=True).update(results_status="published")


def to_boolean(apps: Any, schema_editor: Any) -> None:
    Campaign = apps.get_model("directory", "Campaign")
    Campaign.objects.filter(results_status="published").update(results_published=True)


class Migration(migrations.Migration):
    dependencies = [("directory", "0029_privacy_notice_retention")]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="results_status",
            field=models.CharField(
                choices=[("unpublished", "Not published"), ("published", "Published")],
                default="unpublished",
                max_length=12,
                verbose_name="results",
            ),
        ),
        migrations.RunPython(to_status, to_boolean),
        migrations.RemoveField(model_name="campaign", name="results_published"),
    ]

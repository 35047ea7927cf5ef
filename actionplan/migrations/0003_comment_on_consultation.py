"""Partners' comments stay in the workspace unless published to the consultation.

Existing partner comments were shown on the public consultation pages without
their authors having chosen it; they become internal (the field's default). The
public's own comments are on the consultation by nature and are marked so.
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def mark_public_comments(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Comment = apps.get_model("actionplan", "Comment")
    Comment.objects.filter(author__isnull=True).exclude(author_name="").update(on_consultation=True)


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0002_desk_staff_plan"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="on_consultation",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Shown on the public consultation pages while the plan is open to public "
                    "comments; otherwise only partner users read it."
                ),
                verbose_name="published to the consultation",
            ),
        ),
        migrations.RunPython(mark_public_comments, migrations.RunPython.noop),
    ]

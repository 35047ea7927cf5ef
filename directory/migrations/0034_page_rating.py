"""Page ratings ("How clear is the information on this page?"), which the desk
reads; site pages written in Markdown, with sections.
"""

import django.core.validators
import django.utils.timezone
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

DESK_STAFF = "Desk staff"


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=DESK_STAFF)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="directory", codename="view_pagerating")
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="directory", codename="view_pagerating"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0033_municipality_centres"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="page",
            name="body",
            field=models.TextField(
                help_text="Markdown: a blank line starts a new paragraph, a line starting with ## a section (listed in the page's index), - a list item; [words](https://…) makes a link.",
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="body_en",
            field=models.TextField(
                help_text="Markdown: a blank line starts a new paragraph, a line starting with ## a section (listed in the page's index), - a list item; [words](https://…) makes a link.",
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="body_it",
            field=models.TextField(
                help_text="Markdown: a blank line starts a new paragraph, a line starting with ## a section (listed in the page's index), - a list item; [words](https://…) makes a link.",
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.CreateModel(
            name="PageRating",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("path", models.CharField(db_index=True, max_length=200, verbose_name="page")),
                ("language", models.CharField(max_length=8, verbose_name="language")),
                (
                    "stars",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="stars",
                    ),
                ),
                (
                    "aspect",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("clear", "The instructions were clear"),
                            ("complete", "The instructions were complete"),
                            ("on_track", "I always understood I was proceeding correctly"),
                            ("no_problems", "I had no technical problems"),
                            ("unclear", "At times the instructions were not clear"),
                            ("incomplete", "At times the instructions were not complete"),
                            (
                                "lost",
                                "At times I could not tell whether I was proceeding correctly",
                            ),
                            ("problems", "I had technical problems"),
                            ("other", "Other"),
                        ],
                        max_length=12,
                        verbose_name="aspect",
                    ),
                ),
                ("comment", models.CharField(blank=True, max_length=200, verbose_name="comment")),
                (
                    "created_on",
                    models.DateField(
                        db_index=True, default=django.utils.timezone.localdate, verbose_name="date"
                    ),
                ),
            ],
            options={
                "verbose_name": "page rating",
                "verbose_name_plural": "page ratings",
                "ordering": ("-created_on", "-pk"),
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("stars__gte", 1), ("stars__lte", 5)),
                        name="page_rating_stars_1_to_5",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("aspect__in", ["", "other"]),
                            models.Q(
                                ("aspect__in", ["clear", "complete", "on_track", "no_problems"]),
                                ("stars__gte", 4),
                            ),
                            models.Q(
                                ("aspect__in", ["unclear", "incomplete", "lost", "problems"]),
                                ("stars__lte", 3),
                            ),
                            _connector="OR",
                        ),
                        name="page_rating_aspect_matches_stars",
                    ),
                ],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]

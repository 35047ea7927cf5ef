"""History for any model: profile versions become generic `Version` rows, and
workflow steps are recorded as `StateChange` rows. The desk may moderate."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def copy_versions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OrganisationVersion = apps.get_model("directory", "OrganisationVersion")
    Version = apps.get_model("directory", "Version")
    content_type, _ = ContentType.objects.get_or_create(app_label="directory", model="organisation")
    Version.objects.bulk_create(
        Version(
            content_type=content_type,
            object_id=old.organisation_id,
            data=old.data,
            created_at=old.created_at,
            created_by_id=old.created_by_id,
            note=old.note,
        )
        for old in OrganisationVersion.objects.order_by("id").iterator()
    )


def restore_versions(apps, schema_editor):
    OrganisationVersion = apps.get_model("directory", "OrganisationVersion")
    Version = apps.get_model("directory", "Version")
    OrganisationVersion.objects.bulk_create(
        OrganisationVersion(
            organisation_id=new.object_id,
            data=new.data,
            created_at=new.created_at,
            created_by_id=new.created_by_id,
            note=new.note,
        )
        for new in Version.objects.filter(
            content_type__app_label="directory", content_type__model="organisation"
        ).order_by("id")
    )


def grant_moderation(apps, schema_editor):
    """Desk staff moderate organisations; notices of the desk go to who may."""
    app_config = apps.get_app_config("directory")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="directory", codename="moderate_organisation"
    )
    for group in Group.objects.filter(name="Desk staff"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("directory", "0010_organisation_constraint_messages"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "ordering": ("name",),
                "permissions": [("moderate_organisation", "Can moderate organisations")],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.CreateModel(
            name="StateChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("transition", models.CharField(max_length=50, verbose_name="step")),
                ("source", models.CharField(max_length=30, verbose_name="from")),
                ("target", models.CharField(max_length=30, verbose_name="to")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                ("note", models.TextField(blank=True, verbose_name="note")),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
            ],
            options={
                "verbose_name": "status change",
                "verbose_name_plural": "status changes",
                "ordering": ("-created_at", "-id"),
            },
        ),
        migrations.CreateModel(
            name="Version",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("data", models.JSONField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="saved"),
                ),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="what changed")),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
            ],
            options={
                "verbose_name": "version",
                "verbose_name_plural": "versions",
                "ordering": ("-created_at", "-id"),
            },
        ),
        migrations.AddIndex(
            model_name="statechange",
            index=models.Index(
                fields=["content_type", "object_id", "-created_at"], name="state_change_of_object"
            ),
        ),
        migrations.AddIndex(
            model_name="version",
            index=models.Index(
                fields=["content_type", "object_id", "-created_at", "-id"], name="version_of_object"
            ),
        ),
        migrations.RunPython(copy_versions, restore_versions),
        migrations.RunPython(grant_moderation, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="OrganisationVersion",
        ),
    ]

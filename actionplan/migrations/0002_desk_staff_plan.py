"""Desk staff run the plan's people and may coordinate the plan from the admin.

Data only: granting permissions to the "Desk staff" group, kept apart from the
schema migration, which is regenerated when branches are merged.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK_STAFF = "Desk staff"
PERMISSIONS = [
    "add_partnerinvitation",
    "view_partnerinvitation",
    "delete_partnerinvitation",
    "add_partnermember",
    "change_partnermember",
    "view_partnermember",
    "delete_partnermember",
    "coordinate_plan",
    "view_plan",
    "change_plan",
    "view_theme",
    "change_theme",
    "view_action",
    "change_action",
    "view_comment",
    "change_comment",
    "view_planversion",
]


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
        *Permission.objects.filter(content_type__app_label="actionplan", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=DESK_STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="actionplan", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0001_initial"),
        ("directory", "0013_desk_reads_mail"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

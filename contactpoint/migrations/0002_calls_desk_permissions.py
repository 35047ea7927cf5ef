"""The desk's staff manage funding calls and premises (and their photos)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("fundingcall", "premises", "premisesphoto")
ACTIONS = ("view", "add", "change", "delete")


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    desk, _ = Group.objects.get_or_create(name="Desk staff")
    desk.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="contactpoint",
            codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for desk in Group.objects.filter(name="Desk staff"):
        desk.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="contactpoint",
                codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0001_calls"),
        ("directory", "0016_invitation_token_hashed"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""The desk builds survey campaigns, invites respondents and reads who answered."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK_STAFF = "Desk staff"
PERMISSIONS = [
    *(
        f"{action}_{model}"
        for model in ("campaign", "section", "question", "choice", "surveyinvitation")
        for action in ("add", "change", "delete", "view")
    ),
    "view_answerset",
    "view_answer",
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
    for codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="directory", codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=DESK_STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="directory", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0020_survey"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

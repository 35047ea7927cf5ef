"""The "Desk staff" group runs the desk: contacts, guides, calls, premises, alert
subscriptions (seen, removed on request), enquiries and standard replies.

A data migration of its own, apart from the generated schema migration."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK_STAFF = "Desk staff"
EVERYTHING = ("view", "add", "change", "delete")
PERMISSIONS = [
    *(f"{action}_deskcontact" for action in ("view", "add", "change")),
    *(
        f"{action}_{model}"
        for model in (
            "guide",
            "guideattachment",
            "fundingcall",
            "premises",
            "premisesphoto",
            "standardreply",
        )
        for action in EVERYTHING
    ),
    "view_alertsubscription",
    "delete_alertsubscription",
    "handle_enquiry",
    "view_enquiry",
    "change_enquiry",
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
        *Permission.objects.filter(content_type__app_label="contactpoint", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=DESK_STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="contactpoint", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0001_initial"),
        ("directory", "0004_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

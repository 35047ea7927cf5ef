"""The desk deletes answer sets (a test, spam, a respondent who asks): the
"Desk staff" group had only `view_answerset`, so the admin's delete page and
action answered 403 and an answer set that broke an export could not be
removed. Its answers and ticked choices go with it (`on_delete=CASCADE`); they
are not in the admin, so no permission of theirs is asked."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK_STAFF = "Desk staff"
PERMISSIONS = [("directory", "delete_answerset")]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=DESK_STAFF)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=DESK_STAFF):
        for app_label, codename in PERMISSIONS:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0025_uploads_stored_under_portal_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

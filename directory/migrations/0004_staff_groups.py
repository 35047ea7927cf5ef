"""The two staff roles of the portal and what each may do.

Later apps add their own permissions to these groups in their migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Desk staff": [
        ("directory", "view_user"),
        ("directory", "change_user"),
        ("directory", "view_sector"),
        ("directory", "change_sector"),
        ("directory", "view_page"),
        ("directory", "change_page"),
        ("directory", "view_partner"),
        ("directory", "add_partner"),
        ("directory", "change_partner"),
    ],
    "Partner editors": [
        ("directory", "view_sector"),
        ("directory", "view_partner"),
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_seed_pages_partners"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

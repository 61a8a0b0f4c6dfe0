"""The two staff groups of the qualification series and their permissions.

Geschäftsstelle (office): every permission of this app. Volkshochschule: edit
its own seminars and sessions, see and edit its own registrations and its own
VHS's contact data; which VHS is "its own" comes from a VhsAccount and is
enforced in the admin (qualification/access.py).
"""

from django.db import migrations

OFFICE_GROUP = "Geschäftsstelle"
VHS_GROUP = "Volkshochschule"

VHS_PERMISSIONS = [
    "view_module",
    "view_volkshochschule",
    "change_volkshochschule",
    "view_seminar",
    "add_seminar",
    "change_seminar",
    "delete_seminar",
    "view_seminarsession",
    "add_seminarsession",
    "change_seminarsession",
    "delete_seminarsession",
    "view_registration",
    "change_registration",
]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    own = Permission.objects.filter(content_type__app_label="qualification")

    office, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    office.permissions.add(*own)
    vhs, _ = Group.objects.get_or_create(name=VHS_GROUP)
    vhs.permissions.add(*own.filter(codename__in=VHS_PERMISSIONS))


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[OFFICE_GROUP, VHS_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("qualification", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

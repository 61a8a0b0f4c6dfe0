"""The office staff (group "Geschäftsstelle") edit the legal pages."""

from django.db import migrations

OFFICE_GROUP = "Geschäftsstelle"


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    office.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="legalpages", codename__in=["view_legalpage", "change_legalpage"]
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for office in Group.objects.filter(name=OFFICE_GROUP):
        office.permissions.remove(*Permission.objects.filter(content_type__app_label="legalpages"))


class Migration(migrations.Migration):
    dependencies = [
        ("legalpages", "0001_legal_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

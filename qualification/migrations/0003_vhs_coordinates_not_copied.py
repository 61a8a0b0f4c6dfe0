"""A Volkshochschule no longer copies its municipality's coordinates on saving.

Coordinates that are exactly the municipality's were copies: clear them, so
that the VHS follows its municipality (distances use the municipality's
coordinates when the VHS has none of its own).
"""

from django.db import migrations
from django.db.models import F


def clear_copied_coordinates(apps, schema_editor):
    Volkshochschule = apps.get_model("qualification", "Volkshochschule")
    Volkshochschule.objects.filter(
        latitude=F("municipality__latitude"), longitude=F("municipality__longitude")
    ).update(latitude=None, longitude=None)


class Migration(migrations.Migration):
    dependencies = [("qualification", "0002_staff_groups")]

    operations = [migrations.RunPython(clear_copied_coordinates, migrations.RunPython.noop)]

"""The collation GERMAN (helpers.collation) on PostgreSQL: ICU's German order.

SQLite gets the same collation name from a function registered per connection.
"""

from django.db import migrations

from helpers.collation import GERMAN


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE COLLATION IF NOT EXISTS "{GERMAN}" (provider = icu, locale = \'de\')'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP COLLATION IF EXISTS "{GERMAN}"')


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop)]

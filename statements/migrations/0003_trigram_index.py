"""On PostgreSQL, a trigram index lets the search find a word inside a compound
("Selbstorganisation" in "Migrantenselbstorganisationen") without reading every row.
Nothing happens on SQLite, or where the pg_trgm extension is not available."""

from django.db import migrations

TRIGRAM_INDEXES = [
    ("statements_statement_text_trgm", "statements_statement"),
    ("statements_paper_text_trgm", "statements_paper"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("statements", "0002_papers_hearings_statements")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

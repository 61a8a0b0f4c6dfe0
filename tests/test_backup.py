"""Backup, wipe, restore: row counts and file checksums come back the same.

Runs on SQLite and on PostgreSQL (pg_dump and psql of postgresql-client).
The restore goes into a new, empty database through `manage.py restore` in
another process, as an operator would run it.
"""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from lir_portal.backup import BackupError, row_counts, verify

BASE = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n% a statement of the Landesintegrationsrat\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("statements/2018/stellungnahme-17-1356.pdf", ContentFile(PDF))
    default_storage.save("statements/2019/anlage.pdf", ContentFile(PDF * 3))
    return settings.MEDIA_ROOT


def checksums(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def empty_database(tmp_path):
    """A DATABASE_URL for a new, empty database of the same kind, and its row counter."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"

        def count(table):
            with sqlite3.connect(path) as restored:
                return restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]

        yield f"sqlite:///{path}", count
        return

    import psycopg

    params = connection.settings_dict
    name = f"{params['NAME']}_restore"
    server = {
        "host": params["HOST"],
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
    }
    with psycopg.connect(dbname=params["NAME"], autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')

    def count(table):
        with psycopg.connect(dbname=name, **server) as restored:
            return restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]

    password = f":{server['password']}" if server["password"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}", count
    with psycopg.connect(dbname=params["NAME"], autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, **env):
    variables = dict(os.environ)
    variables.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=variables,
        cwd=BASE,
        capture_output=True,
        text=True,
    )


def test_backup_then_restore_into_an_empty_database_gives_the_same_rows_and_files(
    portal_data, media, empty_database, tmp_path
):
    database_url, count_in_restored = empty_database
    out = io.StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    backup = Path(out.getvalue().strip())
    manifest = json.loads((backup / "manifest.json").read_text())
    before = row_counts()
    assert manifest["rows"] == before
    assert before["municipalities_municipality"] > 300  # the real data is in it
    assert set(checksums(media)) == {
        "statements/2018/stellungnahme-17-1356.pdf",
        "statements/2019/anlage.pdf",
    }

    restored_media = tmp_path / "restored-media"
    result = manage("restore", str(backup), DATABASE_URL=database_url, MEDIA_ROOT=restored_media)
    assert result.returncode == 0, result.stderr
    assert "counts match" in result.stdout

    assert {table: count_in_restored(table) for table in before} == before
    assert checksums(restored_media) == checksums(media)

    # A second restore would mix two states: it is refused.
    again = manage("restore", str(backup), DATABASE_URL=database_url, MEDIA_ROOT=restored_media)
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_restored(
    portal_data, media, empty_database, tmp_path
):
    database_url, count_in_restored = empty_database
    out = io.StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    backup = Path(out.getvalue().strip())
    pdf = backup / "media" / "statements" / "2019" / "anlage.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"x")
    with pytest.raises(BackupError, match="anlage.pdf: checksum differs"):
        verify(backup)
    result = manage("restore", str(backup), DATABASE_URL=database_url)
    assert result.returncode != 0
    assert "damaged" in result.stderr

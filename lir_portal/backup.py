"""Backup and restore of the database and the media files, with a checksum manifest.

A backup is a directory:

    manifest.json        when, which database, row counts per table, and the
                         SHA-256 and size of every file below
    database.sql         PostgreSQL: pg_dump's plain SQL (no owners, no grants)
    database.sqlite3     SQLite: a consistent copy made with SQLite's backup API
    media/<name>         every file of the default storage (statements' PDFs)

A restore checks every checksum first, refuses a database that already has
tables, loads the database (psql, or SQLite's backup API), copies the media
files into the default storage and compares the row counts with the manifest.
The management commands `backup` and `restore` call these functions.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 - pg_dump and psql, with argument lists, never a shell
from pathlib import Path

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection

MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; str() says why."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def row_counts():
    """Rows per table of every model (many-to-many tables included), by table name."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        counts[meta.db_table] = model._base_manager.count()
    return dict(sorted(counts.items()))


def _pg_command(program, settings_dict):
    """argv and environment for pg_dump/psql from Django's connection settings."""
    env = dict(os.environ)
    args = [program, "--no-psqlrc"] if program == "psql" else [program]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    args += ["--dbname", str(settings_dict["NAME"])]
    return args, env


def _storage_files(directory=""):
    directories, files = default_storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(directories):
        yield from _storage_files(f"{directory}/{sub}" if directory else sub)


def _media_exists():
    try:
        default_storage.listdir("")
    except FileNotFoundError:
        return False
    return True


def backup(destination):
    """Write a new backup into a fresh directory below `destination`; returns its path."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(destination) / f"lir-backup-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        database_file = target / "database.sql"
        args, env = _pg_command("pg_dump", connection.settings_dict)
        args += ["--no-owner", "--no-privileges", "--format=plain", "--file", str(database_file)]
        # An argument list from the database settings, no shell.
        result = subprocess.run(args, env=env, capture_output=True, text=True)  # nosec B603
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    elif vendor == "sqlite":
        database_file = target / "database.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(database_file)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        raise BackupError(f"No backup for the database {vendor}.")
    counts = row_counts()

    files = {}
    if _media_exists():
        for name in _storage_files():
            stored = target / "media" / name
            stored.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, open(stored, "wb") as copy:
                shutil.copyfileobj(source, copy, CHUNK)
            files[f"media/{name}"] = {"sha256": sha256_of(stored), "size": stored.stat().st_size}
    files[database_file.name] = {
        "sha256": sha256_of(database_file),
        "size": database_file.stat().st_size,
    }
    manifest = {
        "created": stamp,
        "database": {"vendor": vendor, "file": database_file.name},
        "rows": counts,
        "files": dict(sorted(files.items())),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return target


def read_manifest(source):
    path = Path(source) / MANIFEST
    if not path.exists():
        raise BackupError(f"{path} is missing: not a backup of this portal.")
    return json.loads(path.read_text(encoding="utf-8"))


def verify(source):
    """Compare every file with its checksum; returns the manifest or raises BackupError."""
    manifest = read_manifest(source)
    problems = []
    for name, expected in manifest["files"].items():
        path = Path(source) / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif sha256_of(path) != expected["sha256"]:
            problems.append(f"{name}: checksum differs")
    if problems:
        raise BackupError("The backup is damaged: " + "; ".join(problems))
    return manifest


def restore(source):
    """Restore a verified backup into the empty database and the media storage.

    Returns the row counts after the restore; raises BackupError when the
    database is not empty, a file is damaged or the counts differ.
    """
    source = Path(source)
    manifest = verify(source)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"This is a backup of {vendor}, the database is {connection.vendor}.")
    if connection.introspection.table_names():
        raise BackupError(
            "The database is not empty. Restore into a new, empty database "
            "(e.g. createdb, or a new SQLite file), then point DATABASE_URL at it."
        )
    database_file = source / manifest["database"]["file"]
    if vendor == "postgresql":
        connection.close()
        args, env = _pg_command("psql", connection.settings_dict)
        args += ["--quiet", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f"]
        args.append(str(database_file))
        # An argument list from the database settings, no shell.
        result = subprocess.run(args, env=env, capture_output=True, text=True)  # nosec B603
        if result.returncode != 0:
            raise BackupError(f"psql failed: {result.stderr.strip()}")
    else:
        connection.ensure_connection()
        saved = sqlite3.connect(database_file)
        try:
            saved.backup(connection.connection)
        finally:
            saved.close()

    for name, expected in manifest["files"].items():
        if not name.startswith("media/"):
            continue
        stored = name.removeprefix("media/")
        if default_storage.exists(stored):
            with default_storage.open(stored, "rb") as present:
                if hashlib.sha256(present.read()).hexdigest() == expected["sha256"]:
                    continue
            raise BackupError(f"The media file {stored} exists with other content.")
        with open(source / name, "rb") as handle:
            saved_as = default_storage.save(stored, File(handle))
        if saved_as != stored:
            raise BackupError(f"The media file {stored} was saved as {saved_as}.")

    counts = row_counts()
    differing = {
        table: (rows, counts.get(table))
        for table, rows in manifest["rows"].items()
        if counts.get(table) != rows
    }
    if differing:
        raise BackupError(f"Row counts differ after the restore (expected, found): {differing}")
    return counts

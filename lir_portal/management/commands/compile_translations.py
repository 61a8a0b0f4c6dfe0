"""Compile every .po catalogue of the project to .mo, without GNU gettext.

Django's compilemessages needs the msgfmt program; this does the same with the
pure-Python polib, so `make run` works on a machine with only Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SKIP_DIRS = {".venv", "venv", "node_modules", "staticfiles", ".git"}


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo (only those that changed)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        compiled = 0
        for po_path in sorted(base.rglob("locale/*/LC_MESSAGES/*.po")):
            if SKIP_DIRS & set(po_path.relative_to(base).parts):
                continue
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            catalogue.save_as_mofile(str(mo_path))
            compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")

"""Load the portal's real data: the municipality directory, then every fixture.

Safe to run again: municipalities are updated in place by their key and the
fixtures use natural keys, so a second run updates rows instead of adding them.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from municipalities.importer import GVImportError, import_gv

GV_FILE = settings.BASE_DIR / "fixtures" / "gv" / "gemeinden_nrw.csv"


class Command(BaseCommand):
    help = "Import the NRW municipality directory and load all fixtures (idempotent)."

    def handle(self, *args, **options):
        fixtures = sorted(path for path in (settings.BASE_DIR / "fixtures").glob("*.json"))
        with transaction.atomic():
            try:
                report = import_gv(GV_FILE)
            except GVImportError as error:
                raise CommandError("\n".join(error.errors)) from error
            self.stdout.write(
                f"Municipalities: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
            for fixture in fixtures:
                call_command("loaddata", fixture, verbosity=options["verbosity"])
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} fixtures."))

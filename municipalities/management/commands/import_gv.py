from django.core.management.base import BaseCommand, CommandError

from municipalities.importer import GVImportError, import_gv


class Command(BaseCommand):
    help = (
        "Import or update NRW municipalities from a GV-ISys extract (CSV, semicolon "
        "separated). Updates in place by official key; re-running changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file in the GV-ISys 'Auszug' layout")
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would change, save nothing"
        )

    def handle(self, path, dry_run, **options):
        try:
            report = import_gv(path, dry_run=dry_run)
        except FileNotFoundError as error:
            raise CommandError(f"File not found: {path}") from error
        except GVImportError as error:
            raise CommandError("Nothing was imported:\n" + "\n".join(error.errors)) from error
        if options["verbosity"] > 1:
            for line in report.changes:
                self.stdout.write(line)
        prefix = "Dry run, nothing saved: " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}districts {report.districts_created} created, "
                f"{report.districts_updated} updated; municipalities {report.created} created, "
                f"{report.updated} updated, {report.unchanged} unchanged."
            )
        )

from django.core.management.base import BaseCommand, CommandError

from lir_portal.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (made by `backup`) into an empty database and the media storage; "
        "checks every checksum before and the row counts after."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup directory (lir-backup-...).")

    def handle(self, *args, **options):
        try:
            counts = restore(options["source"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(counts.values())} rows in {len(counts)} tables; counts match."
        )

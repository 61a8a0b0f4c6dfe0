from django.core.management.base import BaseCommand, CommandError

from lir_portal.backup import BackupError, backup, verify


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into a new directory below DESTINATION, "
        "with a manifest of row counts and SHA-256 checksums. --verify checks a backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="Directory for backups, or a backup to check.")
        parser.add_argument(
            "--verify", action="store_true", help="Only check the checksums of a backup."
        )

    def handle(self, *args, **options):
        try:
            if options["verify"]:
                manifest = verify(options["destination"])
                self.stdout.write(f"{len(manifest['files'])} files, all checksums match.")
                return
            target = backup(options["destination"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(target))

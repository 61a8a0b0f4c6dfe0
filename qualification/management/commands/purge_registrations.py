from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qualification.services import purge_registrations


class Command(BaseCommand):
    help = (
        "Anonymise the registrations of seminars that ended more than --days days ago "
        "(QUALIFICATION_RETENTION_DAYS) and delete unconfirmed registrations whose link expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.QUALIFICATION_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Only count, change nothing.")

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError("--days must not be negative.")
        anonymised, deleted = purge_registrations(days=options["days"], dry_run=options["dry_run"])
        prefix = "Would anonymise" if options["dry_run"] else "Anonymised"
        self.stdout.write(
            f"{prefix} {anonymised} registration(s); "
            f"{'would delete' if options['dry_run'] else 'deleted'} {deleted} unconfirmed."
        )

from django.core.management.base import BaseCommand

from qualification.services import send_pending


class Command(BaseCommand):
    help = "Send again the mails to registrants that could not be sent (run e.g. every 10 minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many.")

    def handle(self, *args, **options):
        sent, failed = send_pending(limit=options["limit"])
        self.stdout.write(f"{sent} sent, {failed} still failing.")

import signal

from django.core.management.base import BaseCommand

from qualification.services import run_worker, send_due


class Command(BaseCommand):
    help = (
        "Send the saved mails to registrants that are due. With --loop, keep running as "
        "the mail worker (several may run at once: each mail is sent once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many.")
        parser.add_argument(
            "--loop", action="store_true", help="Run until stopped (SIGTERM, Ctrl+C)."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="Seconds between two looks for due mails (with --loop).",
        )

    def handle(self, *args, **options):
        if not options["loop"]:
            sent, failed = send_due(limit=options["limit"])
            self.stdout.write(f"{sent} sent, {failed} failed (will be retried).")
            return
        stop = []

        def finish(signum, frame):
            # Finish the mail in hand, then leave.
            stop.append(signum)

        signal.signal(signal.SIGTERM, finish)
        signal.signal(signal.SIGINT, finish)
        run_worker(interval=options["interval"], should_stop=lambda: bool(stop))

"""Load the portal's real data: the municipality directory, then every fixture.

Safe to run again, and safe for what the office has edited since: the
municipality directory updates its official fields in place by key, and a
fixture record is only created when no record with its natural key exists;
existing records are left as they are. Records that earlier fixtures invented
are removed (see lir_portal/retired.py). The demo data set (`fixtures/demo/`)
is loaded only with --demo and removed with --remove-demo.
"""

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from helpers.signals import content_changed
from lir_portal.retired import remove_invented_records
from municipalities.importer import GVImportError, import_gv
from qualification.demo import forget_demo_data_presence, remove_demo_data

GV_FILE = settings.BASE_DIR / "fixtures" / "gv" / "gemeinden_nrw.csv"
DEMO_DIR = settings.BASE_DIR / "fixtures" / "demo"
SOURCES_FILE = "sources.json"  # where each fixture comes from; not a fixture itself


def load_missing(path):
    """Create the records of a JSON fixture that are not in the database yet.

    Returns (created, present). Every record must be identified by a natural
    key, otherwise a second run could not recognise it.
    """
    created = present = 0
    deferred = []
    with open(path, encoding="utf-8") as handle:
        for item in serializers.deserialize("json", handle, handle_forward_references=True):
            manager = item.object._meta.default_manager
            if not (hasattr(item.object, "natural_key") and hasattr(manager, "get_by_natural_key")):
                raise CommandError(f"{path.name}: {item.object._meta.label} has no natural key")
            if item.object.pk is not None:
                present += 1
                continue
            item.save()
            created += 1
            if item.deferred_fields:
                deferred.append(item)
    for item in deferred:
        item.save_deferred_fields()
    return created, present


class Command(BaseCommand):
    help = (
        "Import the NRW municipality directory and load the fixtures (idempotent); "
        "the demo data only with --demo."
    )

    def add_arguments(self, parser):
        demo = parser.add_mutually_exclusive_group()
        demo.add_argument(
            "--demo",
            action="store_true",
            help="Also load the demo data set (example seminars and Volkshochschulen).",
        )
        demo.add_argument(
            "--remove-demo",
            action="store_true",
            help="Remove the demo data set (every record marked as an example).",
        )

    def handle(self, *args, **options):
        say = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        fixtures = sorted(
            path
            for path in (settings.BASE_DIR / "fixtures").glob("*.json")
            if path.name != SOURCES_FILE
        )
        if options["demo"]:
            fixtures += sorted(DEMO_DIR.glob("*.json"))
        try:
            with transaction.atomic():
                report = import_gv(GV_FILE)
                say(
                    f"Municipalities: {report.created} created, {report.updated} updated, "
                    f"{report.unchanged} unchanged."
                )
                for what, count in remove_invented_records().items():
                    if count:
                        say(f"Removed {count} invented record(s): {what}.")
                if options["remove_demo"]:
                    seminars, volkshochschulen = remove_demo_data()
                    say(
                        f"Demo data removed: {seminars} seminars, "
                        f"{volkshochschulen} Volkshochschulen."
                    )
                for path in fixtures:
                    created, present = load_missing(path)
                    name = path.relative_to(settings.BASE_DIR / "fixtures")
                    say(f"{name}: {created} created, {present} already present.")
                transaction.on_commit(forget_demo_data_presence)
        except GVImportError as error:
            raise CommandError("\n".join(error.errors)) from error
        except (DatabaseError, serializers.base.DeserializationError) as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        # Fixture records are saved raw, without the signals that refresh cached pages.
        content_changed.send(sender=self.__class__)
        say(self.style.SUCCESS(f"Loaded {len(fixtures)} fixtures."))

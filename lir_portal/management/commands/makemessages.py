"""Django's makemessages, with catalogues sorted by message and without source lines.

Sorted entries without "#: file:line" comments and without a creation date in
the header keep a catalogue's diff to the strings that really changed, so that
two branches that add strings merge without conflicts.

In the Arabic catalogue, left-to-right runs and placeholders are wrapped in
Unicode isolates (helpers.bidi), so that German names, abbreviations and
numbers keep their order in right-to-left text.
"""

import re
from pathlib import Path

import polib
from django.core.management.commands import makemessages

from helpers.bidi import isolate_runs, strip_isolates

CREATION_DATE = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--sort-output"]
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--sort-output"]
    msguniq_options = [*makemessages.Command.msguniq_options, "--sort-output"]
    msgattrib_options = [*makemessages.Command.msgattrib_options, "--sort-output"]

    def handle(self, *args, **options):
        super().handle(*args, **options)
        for path in Path.cwd().glob("locale/*/LC_MESSAGES/*.po"):
            text = path.read_text(encoding="utf-8")
            path.write_text(CREATION_DATE.sub("", text), encoding="utf-8")
        for path in Path.cwd().glob("locale/ar/LC_MESSAGES/*.po"):
            isolate_catalogue(path)


def isolate_catalogue(path):
    """Isolate the left-to-right runs of every translation in a right-to-left catalogue."""
    catalogue = polib.pofile(str(path), wrapwidth=79)
    changed = False
    for entry in catalogue:
        if entry.msgstr and isolate_runs(entry.msgstr) != entry.msgstr:
            entry.msgstr = isolate_runs(strip_isolates(entry.msgstr))
            changed = True
        for index, form in entry.msgstr_plural.items():
            if form and isolate_runs(form) != form:
                entry.msgstr_plural[index] = isolate_runs(strip_isolates(form))
                changed = True
    if changed:
        catalogue.save(str(path))

"""Django's makemessages, with catalogues sorted by message and without source lines.

Sorted entries without "#: file:line" comments and without a creation date in
the header keep a catalogue's diff to the strings that really changed, so that
two branches that add strings merge without conflicts.
"""

import re
from pathlib import Path

from django.core.management.commands import makemessages

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

"""Signals shared by the apps.

``content_changed`` says that public content changed in a way the model signals
do not report: bulk ``QuerySet.update()`` calls, imports, purges. The site
listens to it (with the model signals) to invalidate its page cache, so a
command that changes public content in bulk sends it once at the end.
"""

from django.dispatch import Signal

content_changed = Signal()

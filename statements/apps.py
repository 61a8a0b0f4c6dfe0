from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Statements and Landtag papers")

    def ready(self):
        from . import signals  # noqa: F401 (connects the search index updates)

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class HelpersConfig(AppConfig):
    name = "helpers"
    verbose_name = _("Shared helpers")

    def ready(self):
        from .collation import register_on_sqlite

        connection_created.connect(register_on_sqlite, dispatch_uid="helpers_german_collation")

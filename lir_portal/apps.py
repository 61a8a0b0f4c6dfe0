from django.apps import AppConfig


class LirPortalConfig(AppConfig):
    name = "lir_portal"
    verbose_name = "LIR-Portal"

    def ready(self):
        from . import signals

        signals.connect()

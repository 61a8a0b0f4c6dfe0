from django.apps import AppConfig


class LirPortalConfig(AppConfig):
    name = "lir_portal"
    verbose_name = "LIR-Portal"

    def ready(self):
        # Importing checks registers the deployment checks.
        from . import checks, signals  # noqa: F401

        signals.connect()

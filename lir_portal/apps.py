from django.apps import AppConfig


class LirPortalConfig(AppConfig):
    name = "lir_portal"
    verbose_name = "LIR-Portal"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks

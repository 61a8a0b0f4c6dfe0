"""The site's app and the admin with a second factor (the admin site is in admin_site.py).

The admin's config is imported as a module attribute, not as a name, so that
Django does not mistake it for this package's own config.
"""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class LirPortalConfig(AppConfig):
    name = "lir_portal"
    verbose_name = "LIR-Portal"
    default = True

    def ready(self):
        # Importing checks registers the deployment checks.
        from . import checks, signals  # noqa: F401

        signals.connect()


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "lir_portal.admin_site.PortalAdminSite"

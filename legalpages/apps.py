from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalPagesConfig(AppConfig):
    name = "legalpages"
    verbose_name = _("Legal pages")

"""WSGI entry point of the LIR portal."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lir_portal.settings")

application = get_wsgi_application()

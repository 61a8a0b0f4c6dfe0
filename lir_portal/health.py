"""/healthz: is this instance able to serve? For load balancers and monitoring.

Answers 200 when the database and the cache both answer, 503 when one does
not; the body names each part's state and nothing else (no personal data, no
versions, no error texts).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:  # noqa: BLE001 - any failure means "down"
        logger.warning("Health check: database unavailable (%s)", error.__class__.__name__)
        return False


def cache_ok():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        found = cache.get(key)
        cache.delete(key)
        return found == "ok"
    except Exception as error:  # noqa: BLE001
        logger.warning("Health check: cache unavailable (%s)", error.__class__.__name__)
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable"}
    body.update({name: "ok" if ok else "unavailable" for name, ok in checks.items()})
    return JsonResponse(body, status=200 if healthy else 503)

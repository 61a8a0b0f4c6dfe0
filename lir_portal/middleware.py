"""Middleware of the site: the request log and the headers of every public page."""

import logging
import re
import time
import uuid

from helpers.csp import ADMIN_POLICY, PUBLIC_POLICY
from helpers.network import is_trusted_proxy

from .logs import request_id

request_logger = logging.getLogger("lir_portal.requests")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._\-]{1,64}$")


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy and a Permissions-Policy on every response.

    It comes first in MIDDLEWARE, so static files (WhiteNoise) and the
    lockout page (django-axes) get the headers too. A view may set a stricter
    policy itself (helpers.csp.with_public_policy).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        policy = ADMIN_POLICY if request.path.startswith(self.admin_prefix) else PUBLIC_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault(
            "Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()"
        )
        return response


class RequestLogMiddleware:
    """One log line per request with its id, status and duration.

    The id comes from a trusted proxy's X-Request-ID (so nginx's and the
    portal's lines match) or is made here; the response carries it back. The
    line holds no client address and no query string; e-mail addresses and
    link tokens are masked by the formatter (lir_portal/logs.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        if not (
            given
            and REQUEST_ID.match(given)
            and is_trusted_proxy(request.META.get("REMOTE_ADDR", ""))
        ):
            given = uuid.uuid4().hex
        # Left set after the response: Django logs a failed request's status
        # after the middleware returned. The next request sets its own.
        request_id.set(given)
        started = time.monotonic()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response.headers.setdefault("X-Request-ID", given)
            return response
        finally:
            request_logger.info(
                "%s %s %s %.0fms",
                request.method,
                request.path,
                status,
                (time.monotonic() - started) * 1000,
            )

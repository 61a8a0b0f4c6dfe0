"""Response headers that the portal sets on every response."""

from helpers.csp import ADMIN_POLICY, PUBLIC_POLICY


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

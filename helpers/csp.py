"""The Content-Security-Policy of the portal: one for the public pages, one for the admin.

Every file comes from this site: no inline scripts, no other host. The
public pages have no inline styles either. The admin allows style
attributes (`style-src-attr`), because parts of it write them into markup
(jQuery UI, which modeltranslation's language tabs use, and the paginator of
django-simple-history's history list), but no inline script and no <style>
element (tests/test_security_browser.py records every violation in Chromium).
Pages in the admin that show personal data for printing (the participant
list) use the public policy.
"""

COMMON = [
    "default-src 'self'",
    "script-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]

PUBLIC_POLICY = "; ".join([*COMMON, "style-src 'self'"])
ADMIN_POLICY = "; ".join([*COMMON, "style-src 'self'", "style-src-attr 'unsafe-inline'"])


def with_public_policy(response):
    """Give an admin response the strict policy of the public pages."""
    response.headers["Content-Security-Policy"] = PUBLIC_POLICY
    return response

"""Log lines with the request id, and without e-mail addresses or personal links.

RequestLogMiddleware (lir_portal/middleware.py) sets the id of the current
request; every log record made while it is served carries it, so the line of
an error can be matched with the line of its request (and with the
X-Request-ID response header the visitor or the proxy saw).
"""

import contextvars
import logging
import re

request_id = contextvars.ContextVar("request_id", default="-")

EMAIL = re.compile(
    r"(?P<first>[A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]*(?:@|%40)(?P<domain>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"
)
# A personal link's token (token_urlsafe(32)): 43 URL-safe characters. Any
# path segment that long is cut to its first characters.
LONG_SEGMENT = re.compile(r"(?<=/)(?P<start>[A-Za-z0-9_\-]{4})[A-Za-z0-9_\-]{28,}(?=/|$)")


def mask(text):
    """`text` with e-mail addresses reduced to their first letter and domain, tokens cut."""
    text = EMAIL.sub(lambda m: f"{m['first']}***@{m['domain']}", text)
    return LONG_SEGMENT.sub(lambda m: f"{m['start']}…", text)


class RequestContextFilter(logging.Filter):
    """Adds the current request's id to every record as `request_id`."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks the whole line, the traceback included."""

    def format(self, record):
        return mask(super().format(record))

"""Limits on form posts, counted in Django's cache.

Registrations are counted per client address (helpers.network.client_address,
which reads X-Forwarded-For only from trusted proxies); confirming and
cancelling are counted per personal link, so one client can never block
another's link. With REDIS_URL the cache is Redis and the counts are the same
whatever the number of workers and instances: `add` creates a counter with
its window, `incr` raises it atomically.

Neither the address nor the link is stored: only a salted hash, and only for
the window.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from helpers.network import client_address


def _key(kind, value):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"qualification:posts:{kind}:{digest}"


def _over_limit(key, limit):
    window = settings.QUALIFICATION_POST_WINDOW
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            # The counter expired between add and incr: a new window starts.
            cache.set(key, 1, timeout=window)
            count = 1
    # None: the shared cache is unreachable (django-redis ignores the error);
    # the limit then lets posts through rather than failing them.
    return count is not None and count > limit


def too_many_posts(request):
    """Counts this client's registration posts; True once over the limit for the window."""
    key = _key("address", client_address(request))
    return _over_limit(key, settings.QUALIFICATION_POST_LIMIT)


def too_many_link_posts(token):
    """Counts posts to one personal link (confirm, cancel); True once over the limit."""
    key = _key("link", token)
    return _over_limit(key, settings.QUALIFICATION_LINK_POST_LIMIT)

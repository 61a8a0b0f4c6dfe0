"""A simple limit on form posts per client address, counted in Django's cache.

The address is only kept as a salted hash, and only for the window.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"qualification:posts:{digest}"


def too_many_posts(request):
    """Counts this address's form posts; True once it exceeds the limit for the window."""
    key = client_key(request)
    window = settings.QUALIFICATION_POST_WINDOW
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        return False
    return count > settings.QUALIFICATION_POST_LIMIT

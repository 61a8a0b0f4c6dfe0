"""The address of the client behind a request, as far as it can be trusted.

A reverse proxy passes the client's address on in X-Forwarded-For; anyone else
can write that header too. So the header is read only when the request came
from one of settings.TRUSTED_PROXIES, and only as far back as the chain of
trusted proxies goes: the first address from the right that is not a trusted
proxy is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(address):
    try:
        return ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted_proxy(address):
    parsed = _parse(address) if isinstance(address, str) else address
    if parsed is None:
        return False
    return any(parsed in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    """The client's IP address as a string ("" when the peer address is unusable)."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUSTED_PROXIES or not is_trusted_proxy(peer):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        parsed = _parse(hop)
        if parsed is None:
            # Garbage in the chain: stop at the last address we could trust.
            break
        if not is_trusted_proxy(parsed):
            return str(parsed)
        peer = str(parsed)
    return peer

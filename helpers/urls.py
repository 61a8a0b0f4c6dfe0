"""reverse() for the addresses lists print hundreds of times (each municipality, statement …).

Django's reverse() works through the URL patterns on every call, which was a
large part of rendering the municipality index or a sitemap. Here each
address is reversed once per language and URL configuration with placeholders,
and the values are put in; values other than plain slugs go through reverse().
"""

import re

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

PLAIN = re.compile(r"[-a-zA-Z0-9_]+\Z")
_patterns = {}


def reverse_plain(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), for slug or str arguments."""
    values = {name: str(value) for name, value in kwargs.items()}
    if not all(PLAIN.match(value) for value in values.values()):
        return reverse(viewname, kwargs=values)
    key = (viewname, tuple(sorted(values)), get_language(), get_urlconf(), get_script_prefix())
    pattern = _patterns.get(key)
    if pattern is None:
        pattern = reverse(viewname, kwargs={name: f"zz{name}zz" for name in values})
        _patterns[key] = pattern
    for name, value in values.items():
        pattern = pattern.replace(f"zz{name}zz", value, 1)
    return pattern

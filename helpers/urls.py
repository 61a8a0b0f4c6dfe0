"""reverse() for the addresses lists print hundreds of times (each municipality, statement …).

Django's reverse() works through the URL patterns on every call, which was a
large part of rendering the municipality index or a sitemap. Here each
address is reversed once per language and URL configuration with placeholders,
and the values are put in; values other than plain slugs go through reverse().
"""

import re

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language, override

PLAIN = re.compile(r"[-a-zA-Z0-9_]+\Z")
# Placeholders for patterns that take digits only (<int:…>): nine digits that
# no address of the site has.
NUMBER_PLACEHOLDER = 918_273_640
_patterns = {}


def reverse_plain(viewname, language=None, **kwargs):
    """reverse(viewname, kwargs=kwargs), for slug, str or int arguments.

    In `language` if given (the address in another language than the
    current one), without activating it unless the address is new.
    """
    language = language or get_language()
    values = {name: str(value) for name, value in kwargs.items()}
    if not all(PLAIN.match(value) for value in values.values()):
        return _in(language, reverse, viewname, kwargs=values)
    key = (viewname, tuple(sorted(values)), language, get_urlconf(), get_script_prefix())
    found = _patterns.get(key)
    if found is None:
        found = _patterns[key] = _in(language, _pattern, viewname, sorted(values))
    pattern, placeholders, digits_only = found
    if digits_only and not all(value.isdigit() for value in values.values()):
        return _in(language, reverse, viewname, kwargs=values)
    for name, value in values.items():
        pattern = pattern.replace(placeholders[name], value, 1)
    return pattern


def _in(language, function, *args, **kwargs):
    if language == get_language():
        return function(*args, **kwargs)
    with override(language):
        return function(*args, **kwargs)


def _pattern(viewname, names):
    """(the address with placeholders, {name: placeholder}, whether they are digits)."""
    placeholders = {name: f"zz{name}zz" for name in names}
    try:
        return reverse(viewname, kwargs=placeholders), placeholders, False
    except NoReverseMatch:
        placeholders = {name: str(NUMBER_PLACEHOLDER + i) for i, name in enumerate(names)}
        return reverse(viewname, kwargs=placeholders), placeholders, True

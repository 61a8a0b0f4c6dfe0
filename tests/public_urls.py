"""Every public URL pattern of the portal, found by walking the URL configuration.

The security tests and the fuzz test use this list, so a new page is covered
without anyone remembering to add it. The admin is left out: it has tests of
its own and needs a login.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# Views that take form posts; every other public view only shows.
POSTING = {"qualification:seminar_detail", "qualification:confirm", "qualification:cancel"}
# Views that take nothing but posts.
POST_ONLY = {"qualification:confirm"}


@dataclass(frozen=True)
class Pattern:
    name: str
    converters: dict


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield Pattern(f"{namespace}{entry.name}", dict(entry.pattern.converters))


def public_patterns():
    return sorted(_walk(get_resolver().url_patterns), key=lambda pattern: pattern.name)

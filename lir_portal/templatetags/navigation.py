"""The main navigation, written once: every section of the site in one list."""

import functools

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from helpers.urls import reverse_plain

register = template.Library()

SECTIONS = [
    ("committees:index", _("Committees")),
    ("municipalities:index", _("Municipalities")),
    ("committees:map", _("Map")),
    ("committees:statistics", _("Figures")),
    ("statements:index", _("Statements")),
    ("search", _("Search")),
    ("qualification:overview", _("Qualification")),
]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The sections, with the one the visitor is in marked (the longest matching prefix).

    `current` is "page" on a section's own page and "true" on the pages below it.
    """
    path = context["request"].path
    urls = tuple(reverse_plain(name) for name, _label in SECTIONS)
    inside = [index for index, url in enumerate(urls) if path.startswith(url)]
    if not inside:
        return written_navigation(get_language(), urls, None, "")
    best = max(inside, key=lambda index: len(urls[index]))
    return written_navigation(get_language(), urls, best, "page" if path == urls[best] else "true")


@functools.lru_cache(maxsize=128)
def written_navigation(language, urls, marked, current):
    """The navigation's HTML, written once per language and marked section."""
    items = [
        {"url": url, "label": label, "current": current if index == marked else ""}
        for index, (url, (_name, label)) in enumerate(zip(urls, SECTIONS, strict=True))
    ]
    return render_to_string("includes/main_nav.html", {"items": items})

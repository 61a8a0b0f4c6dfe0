"""The main navigation, written once: every section of the site in one list."""

from django import template
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


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    """The sections, with the one the visitor is in marked (the longest matching prefix).

    `current` is "page" on a section's own page and "true" on the pages below it.
    """
    path = context["request"].path
    items = [
        {"url": reverse_plain(name), "label": label, "current": ""} for name, label in SECTIONS
    ]
    inside = [item for item in items if path.startswith(item["url"])]
    if inside:
        best = max(inside, key=lambda item: len(item["url"]))
        best["current"] = "page" if path == best["url"] else "true"
    return {"items": items}

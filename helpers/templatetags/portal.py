"""Small template helpers used across the portal."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def ltr(value):
    """Keep a value such as a term ("2025–2030") or a date range left to right.

    In Arabic, the bidirectional algorithm would otherwise show "2025–2030" as
    "2030–2025".
    """
    return format_html('<span dir="ltr">{}</span>', value)

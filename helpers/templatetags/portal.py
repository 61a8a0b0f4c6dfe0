"""Small template helpers used across the portal.

Dates, times, ranges and separators are written the same way on every page,
and kept in order in right-to-left languages (see helpers/bidi.py).
"""

from functools import lru_cache

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext

from helpers.dates import local_date

register = template.Library()


@register.filter
def ltr(value):
    """Keep a value such as a term ("2025–2030") or a date range left to right.

    In Arabic, the bidirectional algorithm would otherwise show "2025–2030" as
    "2030–2025".
    """
    return format_html('<span dir="ltr">{}</span>', value)


@register.simple_tag
def day(value):
    """A date as <time>: "7. März 2026" in German, with the ISO date for machines."""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), local_date(value))


@register.simple_tag
def time_range(start, end):
    """The times of a session, "10:00–16:00" (24 hours), left to right in every language."""
    return format_html(
        '<bdi dir="ltr" class="time-range">{}–{}</bdi>',
        start.strftime("%H:%M"),
        end.strftime("%H:%M"),
    )


@register.simple_tag
def session_when(session):
    """A session in a list of seminars: "Sa., 07.03.2026, 10:00–16:00", the day as <time>.

    Lists show dozens of sessions and the same days again and again, so each
    day and times are written once per language in each process.
    """
    return _session_when(session.date, session.start_time, session.end_time, get_language())


@lru_cache(maxsize=4096)
def _session_when(day, start, end, _language):
    return format_html(
        '<time datetime="{}">{}{}{}</time>{}{}',
        day.isoformat(),
        format_date(day, "D"),
        comma(),
        local_date(day),
        comma(),
        time_range(start, end),
    )


@register.simple_tag
def date_range(start, end):
    """Two short dates, "01.11.2025 – 31.10.2030", left to right in every language."""
    return format_html(
        '<bdi dir="ltr" class="date-range">{} – {}</bdi>',
        local_date(start, "SHORT_DATE_FORMAT"),
        local_date(end, "SHORT_DATE_FORMAT"),
    )


@register.simple_tag
def comma():
    """The comma between the parts of a date or a list, in the reader's script ("، " in Arabic)."""
    return pgettext("separator", ", ")


@register.simple_tag
def semicolon():
    """The semicolon between the items of a list ("؛ " in Arabic)."""
    return pgettext("separator", "; ")

"""Dates in the active language's format, each day written once per language in a process.

Lists show dozens of dates and the same days again and again; Django's date
formatting reads the format character by character for every one of them.
"""

from functools import lru_cache

from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.translation import get_language


def local_date(value, format_name="DATE_FORMAT"):
    """`value` (a date) as Django's date_format(value, format_name) writes it."""
    return _local_date(value, format_name, get_language())


@lru_cache(maxsize=8192)
def _local_date(value, format_name, _language):
    return format_date(value, get_format(format_name))

"""German alphabetical order (DIN 5007, variant 1) in the database.

"Bönen" comes before "Bonn" and "Burscheid", "Übach-Palenberg" among the U:
umlauts sort as their base letter, ß as ss. Both databases know a collation
named GERMAN: PostgreSQL an ICU collation (migration helpers 0001), SQLite a
Python function registered on every connection (HelpersConfig.ready).
"""

import functools

from django.db.models.functions import Collate

from .text import german_sort_key

GERMAN = "de_din5007"


def german(field):
    """An ordering expression: `field` in German alphabetical order."""
    return Collate(field, GERMAN)


def compare(left, right):
    """The SQLite collation: -1, 0 or 1, like strcmp."""
    left_key, right_key = _sort_key(left), _sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


# Sorting 396 names asks for about 3,000 comparisons, each of two keys; the
# keys of the names the portal sorts are made once per process.
_sort_key = functools.lru_cache(maxsize=8192)(german_sort_key)


def register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(GERMAN, compare)

"""Tolerance for small typos in names, where the database can measure it.

PostgreSQL compares trigrams (pg_trgm, enabled by a statements migration) of
the folded word and the folded name; SQLite has no such measure, so there the
search relies on spelling variants and the no-result page's suggestions
(`close_matches`), which work on every database.
"""

import difflib
import functools

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Q, Value
from django.db.models.lookups import GreaterThanOrEqual

from .text import Folded, fold

# word_similarity of the folded word and name: "dusseldrof" ~ "dusseldorf" is 0.64,
# "herne" ~ "herten" 0.5.
TYPO_THRESHOLD = 0.55
MIN_TYPO_WORD = 4


def can_measure_similarity():
    return connection.vendor == "postgresql"


def typo_of(field, word):
    """Q: `field` contains a word spelt almost like `word` (PostgreSQL; else matches nothing)."""
    if not can_measure_similarity() or len(word) < MIN_TYPO_WORD:
        return Q(pk__in=[])
    similarity = TrigramWordSimilarity(Value(fold(word)), Folded(field))
    return Q(GreaterThanOrEqual(similarity, TYPO_THRESHOLD))


def close_matches(text, names, limit=5):
    """The names most like `text`, best first (difflib on folded names; any database)."""
    by_folded = {}
    for name in names:
        by_folded.setdefault(folded_name(name), name)
    found = difflib.get_close_matches(fold(text), list(by_folded), n=limit, cutoff=0.6)
    return [by_folded[key] for key in found]


@functools.lru_cache(maxsize=4096)
def folded_name(name):
    """fold(name), remembered: the same few hundred names are compared on every search."""
    return fold(name)

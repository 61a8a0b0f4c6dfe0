"""Tolerance for small typos in names, where the database can measure it.

PostgreSQL compares trigrams (pg_trgm, enabled by a statements migration) of
the folded word and the folded name; SQLite has no such measure, so there the
search relies on spelling variants and the no-result page's suggestions
(`close_matches`), which work on every database.
"""

import functools

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Q, Value
from django.db.models.lookups import GreaterThanOrEqual
from rapidfuzz import fuzz, process

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


# How alike two folded names must be, from 0 to 100 (fuzz.ratio: twice the
# letters they share in order, in percent of both lengths; "kolm" ~ "koln" is 75).
CLOSE_MATCH_CUTOFF = 60


def close_matches(text, names, limit=5):
    """The names most like `text`, best first, alike ones in alphabetical order (any database)."""
    by_folded = folded_names(tuple(names))
    found = process.extract(
        fold(text),
        list(by_folded),
        scorer=fuzz.ratio,
        limit=limit,
        score_cutoff=CLOSE_MATCH_CUTOFF,
    )
    return [by_folded[key] for key, _score, _position in found]


@functools.lru_cache(maxsize=16)
def folded_names(names):
    """{folded name: name} in alphabetical order, remembered: the same few
    hundred names are compared on every search that finds nothing."""
    by_folded = {}
    for name in sorted(names):
        by_folded.setdefault(fold(name), name)
    return by_folded

"""Text tools for search and lists: folding, spelling variants, words, stems, snippets.

German names and words are typed in many ways: "Köln", "Koeln", "koln". The
helpers here produce the variants a query should try and the folded form a
stored text is compared in, so every search of the portal treats spellings
the same way.
"""

import re

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 60
# Bounds the alternatives tried for one word (each is a LIKE in the query).
MAX_SPELLINGS = 16

WORD_RE = re.compile(r"\w+", re.UNICODE)
FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))
PLAIN_VOWELS = (("a", "ä"), ("o", "ö"), ("u", "ü"))

# Endings stripped for the simple search and for matching inside compounds.
SUFFIXES = ("ungen", "innen", "ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4
# Words too common to search for on their own (German and English, folded).
STOPWORDS = frozenset(
    (
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "und",
        "oder",
        "zu",
        "zum",
        "zur",
        "von",
        "vom",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "fur",
        "mit",
        "bei",
        "the",
        "and",
        "of",
        "to",
        "a",
    )
)


def fold(text):
    """Lower case without umlauts: 'Übach-Palenberg' -> 'ubach-palenberg'."""
    return text.casefold().translate(FOLD)


def words_of(text, limit=MAX_QUERY_WORDS):
    """The distinct words of a query (letters and digits only), at most `limit`."""
    words = []
    for word in WORD_RE.findall(text.replace("_", " ")):
        word = word[:MAX_WORD_LENGTH]
        if word not in words:
            words.append(word)
    return words[:limit]


def spellings(word):
    """The ways a word may be written in the data: 'koeln' also as 'köln' and 'Köln'.

    Covers the ae/oe/ue transcription and plain vowels typed for umlauts (on a
    keyboard without them: 'Ibbenburen'). SQLite folds case only for ASCII
    letters, so capitalised variants are tried too. The word itself comes first.
    """
    variants = {word, word.lower()}
    for ascii_form, umlaut in UMLAUTS:
        variants |= {variant.replace(ascii_form, umlaut) for variant in variants}
    for plain, umlaut in PLAIN_VOWELS:
        variants |= {variant.replace(plain, umlaut) for variant in variants}
    variants |= {variant[:1].upper() + variant[1:] for variant in variants}
    variants.discard(word)
    return [word, *sorted(variants)][:MAX_SPELLINGS]


def spelling_of(fields, word):
    """Q: the word is contained, in one of its spellings, in one of `fields`."""
    alternatives = Q()
    for variant in spellings(word):
        for name in fields:
            alternatives |= Q(**{f"{name}__icontains": variant})
    return alternatives


def any_spelling(fields, words):
    """Q: every word is contained, in one of its spellings, in one of `fields`."""
    query = Q()
    for word in words:
        query &= spelling_of(fields, word)
    return query


def simple_stem(word):
    """A rough German stem, folded: 'Integrationsräte' -> 'integrationsrat'."""
    stem = fold(word)
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
            return stem[: -len(suffix)]
    return stem


def content_words(words):
    """The words without stopwords (or all of them if nothing else is left)."""
    return [word for word in words if fold(word) not in STOPWORDS] or list(words)


def highlight(text, words, length=30):
    """An escaped snippet of `text` around the first match, matches wrapped in <mark>."""
    stems = [simple_stem(word) for word in words]
    tokens = re.split(r"(\w+)", text or "")
    matches = [
        index
        for index, token in enumerate(tokens)
        if index % 2 == 1 and any(stem and stem in fold(token) for stem in stems)
    ]
    if matches:
        start = max(0, matches[0] - length)
        end = min(len(tokens), matches[0] + length)
    else:
        start, end = 0, min(len(tokens), 2 * length)
    pieces = []
    for index in range(start, end):
        token = escape(tokens[index])
        pieces.append(f"<mark>{token}</mark>" if index in matches else token)
    snippet = "".join(pieces).strip()
    if start > 0:
        snippet = "… " + snippet
    if end < len(tokens):
        snippet += " …"
    # Every piece was escaped above; only our own <mark> tags are added.
    return mark_safe(snippet)  # noqa: S308  # nosec B308 B703


def german_sort_key(text):
    """Sort key of German alphabetical order (DIN 5007-1): ä as a, ö as o, ü as u, ß as ss.

    Case and umlauts only break ties, so the order is stable.
    """
    text = text or ""
    return (fold(text), text.casefold(), text)


def index_letter(name):
    """The A-Z letter a name is filed under: umlauts go with their base letter."""
    first = name[:1].upper()
    return {"Ä": "A", "Ö": "O", "Ü": "U"}.get(first, first)

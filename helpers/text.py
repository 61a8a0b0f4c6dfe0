"""Text tools for search and lists: folding, spelling variants, words, stems, snippets.

German names and words are typed in many ways: "Köln", "Koeln", "koln". The
helpers here produce the variants a query should try and the folded form a
stored text is compared in, so every search of the portal treats spellings
the same way.
"""

import bisect
import html
import itertools
import re

from django.db.models import Func, Q, TextField
from django.db.models.lookups import Regex
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 60
# Bounds the alternatives tried for one word (each is a LIKE in the query).
MAX_SPELLINGS = 16

WORD_RE = re.compile(r"\w+", re.UNICODE)
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
    # casefold() already writes ß as "ss"; three replace() calls are many times
    # faster than translate() with a table on a long text.
    return text.casefold().replace("ä", "a").replace("ö", "o").replace("ü", "u")


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
    """Q: the word is contained, in one of its spellings, in one of `fields`.

    Both sides are compared folded, so the spellings that differ only in case
    or umlauts ('Köln', 'koln') are one form, and 'Koeln' adds one more; the
    forms of a field are one regular expression (REGEXP on SQLite, ~ on
    PostgreSQL).
    """
    forms = sorted({fold(variant) for variant in spellings(word)})
    pattern = "|".join(re.escape(form) for form in forms)
    alternatives = Q()
    for name in fields:
        alternatives |= Q(Regex(Folded(name), pattern))
    return alternatives


def _folding_sql():
    """REPLACE(...LOWER(...)...) with constant arguments: fold() in SQL.

    Capital umlauts are replaced before LOWER(), which folds only ASCII on SQLite.
    """
    sql = "%(expressions)s"
    for capital, small in (("Ä", "ä"), ("Ö", "ö"), ("Ü", "ü")):
        sql = f"REPLACE({sql}, '{capital}', '{small}')"
    sql = f"LOWER({sql})"
    for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss")):
        sql = f"REPLACE({sql}, '{umlaut}', '{plain}')"
    return sql


class Folded(Func):
    """The database expression of fold(field): lower case, ä -> a, ö -> o, ü -> u, ß -> ss.

    One expression with constants in its template (not a tree of Replace and
    Value), so the many conditions of a name search compile quickly.
    """

    template = _folding_sql()
    output_field = TextField()


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


def mentions(text, words):
    """Whether `text` contains one of the words' stems (as highlight() marks them)."""
    text = fold(text or "")
    return any(simple_stem(word) in text for word in words)


# Characters read on either side of a snippet's first match (see highlight).
SNIPPET_WINDOW = 500


def highlight(text, words, length=30, window=SNIPPET_WINDOW):
    """An escaped snippet of `text` around the first match, matches wrapped in <mark>.

    The snippet holds `length` words and spaces on either side of the first
    match. In a long text only the `window` characters around that match are
    split into words; where they hold too few, the whole text is.
    """
    text = text or ""
    stems = [stem for stem in (simple_stem(word) for word in words) if stem]
    pattern = re.compile("|".join(re.escape(stem) for stem in stems)) if stems else None
    if window and len(text) > 2 * window:
        folded = fold(text)
        found = pattern.search(folded) if pattern else None
        at, to = (found.start(), found.end()) if found else (0, 0)
        # Folding never shortens a text: the match lies within `at` and `to`
        # or before them, by up to the letters folding added.
        start = max(0, at - (len(folded) - len(text)) - window)
        end = min(len(text), to + window)
        snippet = _snippet(text[start:end], pattern, length, start > 0, end < len(text))
        if snippet is not None:
            return snippet
    return _snippet(text, pattern, length, cut_start=False, cut_end=False)


def _snippet(text, pattern, length, cut_start, cut_end):
    """highlight() of `text`; None if it was cut from a longer text (at its start or
    end) and the snippet would reach a word the cut may have split."""
    tokens = re.split(r"(\w+)", text)
    # Folding the whole text at once keeps the word boundaries, except where a
    # letter folds to one with a combining mark ('İ' -> 'i̇'); then word by word.
    folded = re.split(r"(\w+)", fold(text))
    if len(folded) != len(tokens):
        folded = [fold(token) for token in tokens]

    def is_match(index):
        return index % 2 == 1 and pattern is not None and pattern.search(folded[index])

    # The first match is found in the whole folded text; a stem has word
    # characters only, so it lies inside one word, found by its position.
    found = pattern.search("".join(folded)) if pattern else None
    if found:
        first = bisect.bisect_right(list(itertools.accumulate(map(len, folded))), found.start())
        start = max(0, first - length)
        end = min(len(tokens), first + length)
    else:
        start, end = 0, min(len(tokens), 2 * length)
    # The first and last two pieces of a cut text may be parts of words.
    if (cut_start and start < 2) or (cut_end and end > len(tokens) - 2):
        return None
    # The text between matches is escaped in one piece (html.escape, as
    # Django's escape does).
    pieces, plain = [], []
    for index in range(start, end):
        if is_match(index):
            pieces += [html.escape("".join(plain)), f"<mark>{html.escape(tokens[index])}</mark>"]
            plain = []
        else:
            plain.append(tokens[index])
    pieces.append(html.escape("".join(plain)))
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

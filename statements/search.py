"""One search over statements, papers, topics, committees and municipalities.

On PostgreSQL statements and papers are found by full-text search with the
German configuration (stemming: "Integrationsräte" finds "Integrationsrat"),
over a stored, GIN-indexed tsvector; a word also matches as part of a longer
compound ("Selbstorganisationen" in "Migrantenselbstorganisationen"), since
German glues nouns together. On SQLite the same interface does a simpler
substring search with a rough German suffix stripping.

The user's text is never passed to a query parser: it is split into words
(letters and digits only), so quotes, operators, emoji and SQL fragments are
just characters that do not match.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Value
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from committees.filters import spellings, text_query
from committees.models import Committee
from municipalities.models import Municipality

from .models import Paper, Statement, Topic, paper_search_text, statement_search_text

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_WORD_LENGTH = 60
RESULTS_PER_GROUP = 10
SNIPPET_WORDS = 30
CONFIG = "german"

WORD_RE = re.compile(r"\w+", re.UNICODE)
FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# Endings stripped for the simple search and for matching inside compounds.
SUFFIXES = ("ungen", "innen", "ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4
# Words too common to search for on their own (German and English).
STOPWORDS = {
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
}


def fold(text):
    return text.casefold().translate(FOLD)


def words_of(text):
    """The words of the query: letters and digits, at most MAX_WORDS, no underscores."""
    words = []
    for word in WORD_RE.findall(text.replace("_", " ")):
        if word not in words:
            words.append(word[:MAX_WORD_LENGTH])
    return words[:MAX_WORDS]


def simple_stem(word):
    """A rough German stem: 'Integrationsräte' -> 'integrationsrat'."""
    stem = fold(word)
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
            return stem[: -len(suffix)]
    return stem


def substring_variants(stem):
    """Ways the stem may be written in the text: with and without umlauts."""
    variants = {stem}
    for plain, umlaut in (("a", "ä"), ("o", "ö"), ("u", "ü")):
        for variant in list(variants):
            if plain in variant:
                variants.add(variant.replace(plain, umlaut))
    # Bound the number of alternatives for words with many vowels.
    return sorted(variants)[:8]


def is_postgresql():
    return connection.vendor == "postgresql"


# --- keeping the stored search text and vector up to date -------------------


def update_statement_index(statement):
    text = statement_search_text(statement)
    values = {"search_text": fold(text)}
    if is_postgresql():
        values["search_vector"] = (
            SearchVector(Value(statement.title_de or ""), weight="A", config=CONFIG)
            + SearchVector(Value(statement.summary_de or ""), weight="B", config=CONFIG)
            + SearchVector(Value(text), weight="C", config=CONFIG)
        )
    Statement.objects.filter(pk=statement.pk).update(**values)


def update_paper_index(paper):
    text = paper_search_text(paper)
    values = {"search_text": fold(text)}
    if is_postgresql():
        values["search_vector"] = SearchVector(
            Value(paper.title), weight="A", config=CONFIG
        ) + SearchVector(Value(text), weight="B", config=CONFIG)
    Paper.objects.filter(pk=paper.pk).update(**values)


# --- the search -------------------------------------------------------------


@dataclass
class Group:
    key: str
    label: str
    results: list = field(default_factory=list)
    count: int = 0


def _word_condition(word):
    """Q matching a statement or paper that contains the word (any backend)."""
    condition = Q(search_text__contains=simple_stem(word))
    if is_postgresql():
        condition |= Q(search_vector=SearchQuery(word, config=CONFIG, search_type="plain"))
    return condition


def _text_filter(words):
    query = Q()
    for word in words:
        query &= _word_condition(word)
    return query


def _search_query(words):
    search_query = None
    for word in words:
        part = SearchQuery(word, config=CONFIG, search_type="plain")
        search_query = part if search_query is None else search_query | part
    return search_query


def _best_first(queryset, words):
    """On PostgreSQL, order by full-text rank (title counts more than summary, then text)."""
    if is_postgresql():
        return queryset.annotate(
            rank=SearchRank(F("search_vector"), _search_query(words))
        ).order_by("-rank", "-pk")
    return queryset


def _python_score(text_title, text_rest, stems):
    title, rest = fold(text_title), text_rest
    return sum(3 * title.count(stem) + rest.count(stem) for stem in stems)


def _sorted_by_score(rows, stems, title, rest):
    if is_postgresql():
        return rows
    return sorted(rows, key=lambda row: -_python_score(title(row), rest(row), stems))


def highlight(text, words, length=SNIPPET_WORDS):
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
    return mark_safe(snippet)  # noqa: S308 (every piece was escaped above)


def search(text, limit=RESULTS_PER_GROUP):
    """Results grouped by kind: [Group], each best first and at most `limit` long."""
    from django.utils.translation import gettext_lazy as _

    words = words_of(text)
    groups = [
        Group("statements", _("Statements")),
        Group("papers", _("Landtag papers")),
        Group("topics", _("Topics")),
        Group("committees", _("Committees")),
        Group("municipalities", _("Municipalities")),
    ]
    if not words:
        return groups
    by_key = {group.key: group for group in groups}
    text_words = [word for word in words if fold(word) not in STOPWORDS] or words
    stems = [simple_stem(word) for word in text_words]

    statements = Statement.objects.published().filter(_text_filter(text_words))
    by_key["statements"].count = statements.count()
    rows = list(_best_first(statements.for_list(), text_words)[: limit * 3])
    rows = _sorted_by_score(rows, stems, lambda s: s.title, lambda s: s.search_text)[:limit]
    for row in rows:
        row.snippet = highlight(f"{row.summary}\n{strip_tags(row.body)}", text_words)
    by_key["statements"].results = rows

    papers = Paper.objects.filter(_text_filter(text_words))
    by_key["papers"].count = papers.count()
    rows = list(_best_first(papers.for_index(), text_words)[: limit * 3])
    rows = _sorted_by_score(rows, stems, lambda p: p.title, lambda p: p.search_text)[:limit]
    for row in rows:
        row.snippet = highlight(row.summary or row.title, text_words)
    by_key["papers"].results = rows

    topic_filter = Q()
    for word in words:
        alternatives = Q()
        for variant in substring_variants(simple_stem(word)) + [word]:
            for code, _name in settings.LANGUAGES:
                for name in ("name", "description"):
                    alternatives |= Q(**{f"{name}_{code}__icontains": variant})
                    alternatives |= Q(**{f"{name}_{code}__icontains": variant.capitalize()})
        topic_filter &= alternatives
    topics = list(Topic.objects.filter(topic_filter))
    by_key["topics"].count = len(topics)
    for topic in topics:
        topic.snippet = highlight(topic.description, words)
    by_key["topics"].results = topics[:limit]

    committees = Committee.objects.current().for_index().filter(text_query(words))
    by_key["committees"].count = committees.count()
    by_key["committees"].results = list(committees[:limit])

    municipality_filter = Q()
    for word in words:
        alternatives = Q()
        for variant in spellings(word):
            alternatives |= Q(name__icontains=variant) | Q(district__name__icontains=variant)
        municipality_filter &= alternatives
    municipalities = Municipality.objects.with_district().filter(municipality_filter)
    by_key["municipalities"].count = municipalities.count()
    by_key["municipalities"].results = list(municipalities[:limit])
    return groups

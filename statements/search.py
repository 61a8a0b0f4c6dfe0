"""Search over statements, papers and topics, and the stored text it searches.

On PostgreSQL statements and papers are found by full-text search with the
German configuration (stemming: "Integrationsräte" finds "Integrationsrat"),
over a stored, GIN-indexed tsvector; a word also matches as part of a longer
compound ("Selbstorganisationen" in "Migrantenselbstorganisationen"), since
German glues nouns together. On SQLite the same interface does a simpler
substring search with a rough German suffix stripping, ranked by how often
the stems occur.

The words come from helpers.text.words_of (letters and digits only) and are
never passed to a query parser, so quotes, operators, emoji and SQL fragments
are just characters that do not match. The site-wide search (lir_portal)
combines these results with those of the registry.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Length, Replace

from helpers.text import Folded, fold, simple_stem, spellings

from .bodytext import body_plain_text
from .models import Paper, Statement, Topic

CONFIG = "german"


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


def statement_search_text(statement):
    """Every language's title and summary and the text of the body, for substring search."""
    parts = []
    for code, _name in settings.LANGUAGES:
        parts += [
            getattr(statement, f"title_{code}", "") or "",
            getattr(statement, f"summary_{code}", "") or "",
        ]
    parts.append(body_plain_text(statement.body))
    return "\n".join(part for part in parts if part)


def paper_search_text(paper):
    parts = [paper.reference, paper.title]
    parts += [getattr(paper, f"summary_{code}", "") or "" for code, _name in settings.LANGUAGES]
    return "\n".join(part for part in parts if part)


# --- the search -------------------------------------------------------------


def _word_condition(word):
    """Q matching a statement or paper that contains the word (any backend)."""
    condition = Q(search_text__contains=simple_stem(word))
    if is_postgresql():
        condition |= Q(search_vector=SearchQuery(word, config=CONFIG, search_type="plain"))
    return condition


def with_rank(queryset, word, title):
    """The queryset with `rank`: how well each row matches the word, from the database.

    PostgreSQL ranks by the weighted full-text vector (title above summary
    above text). Elsewhere the word's stem counts once for every time it
    occurs in the stored search text and three more times for each time in the
    (German) `title` field.
    """
    if is_postgresql():
        query = SearchQuery(word, config=CONFIG, search_type="plain")
        rank = SearchRank(F("search_vector"), query)
    else:
        stem = simple_stem(word)
        rank = _occurrences("search_text", stem) + 3 * _occurrences(Folded(title), stem)
    return queryset.annotate(rank=rank)


def _occurrences(field, stem):
    """How often `stem` occurs in `field` (an SQL expression; stems are never empty)."""
    text = F(field) if isinstance(field, str) else field
    removed = Length(text) - Length(Replace(text, Value(stem), Value("")))
    return removed / len(stem)


def statement_matches(word):
    """{pk: rank} of the published statements that contain the word."""
    found = Statement.objects.published().filter(_word_condition(word))
    return dict(with_rank(found, word, "title_de").values_list("pk", "rank"))


def paper_matches(word):
    """{pk: rank} of the Landtag papers that contain the word."""
    found = Paper.objects.filter(_word_condition(word))
    return dict(with_rank(found, word, "title").values_list("pk", "rank"))


def best(matches, limit):
    """(count, the `limit` best pks) of the rows every word matched, by their summed rank.

    `matches` holds one {pk: rank} per word (statement_matches, paper_matches).
    """
    common = set.intersection(*(set(found) for found in matches)) if matches else set()
    order = sorted(common, key=lambda pk: (-sum(found[pk] for found in matches), -pk))
    return len(common), order[:limit]


def in_list_order(pks):
    """{pk: rank} for pks in a list's order: the first ranks highest.

    Since every word's rows come in the same order, the summed ranks of the
    rows all words found (best) keep that order.
    """
    return {pk: -position for position, pk in enumerate(pks)}


TOPIC_FIELDS = [
    f"{name}_{code}" for name in ("name", "description") for code, _name in settings.LANGUAGES
]


def topic_matches(word):
    """{pk: rank} of the topics whose name or description, in any language, has the word.

    The topics are a short list kept by the office, so they are read whole and
    matched here, in the spellings and stems the other searches accept.
    """
    forms = {fold(spelling) for spelling in spellings(word)} | {simple_stem(word)}
    found = []
    for topic in Topic.objects.only(*TOPIC_FIELDS):
        text = fold("\n".join(getattr(topic, name) or "" for name in TOPIC_FIELDS))
        if any(form in text for form in forms):
            found.append(topic.pk)
    return in_list_order(found)

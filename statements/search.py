"""Search over statements, papers and topics, and the stored text it searches.

On PostgreSQL statements and papers are found by full-text search with the
German configuration (stemming: "Integrationsräte" finds "Integrationsrat"),
over a stored, GIN-indexed tsvector; a word also matches as part of a longer
compound ("Selbstorganisationen" in "Migrantenselbstorganisationen"), since
German glues nouns together. On SQLite the same interface does a simpler
substring search with a rough German suffix stripping.

The words come from helpers.text.words_of (letters and digits only) and are
never passed to a query parser, so quotes, operators, emoji and SQL fragments
are just characters that do not match. The site-wide search (lir_portal)
combines these results with those of the registry.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Value

from helpers.text import fold, highlight, simple_stem, spelling_of

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


def _text_filter(words):
    query = Q()
    for word in words:
        query &= _word_condition(word)
    return query


def _best_first(queryset, words, limit):
    """The best matches: by full-text rank on PostgreSQL, else by a score in Python.

    The title counts more than the summary, and that more than the text.
    """
    if is_postgresql():
        search_query = None
        for word in words:
            part = SearchQuery(word, config=CONFIG, search_type="plain")
            search_query = part if search_query is None else search_query | part
        ranked = queryset.annotate(rank=SearchRank(F("search_vector"), search_query))
        return list(ranked.order_by("-rank", "-pk")[:limit])
    stems = [simple_stem(word) for word in words]

    def score(row):
        title = fold(row.title)
        return -sum(3 * title.count(stem) + row.search_text.count(stem) for stem in stems)

    return sorted(queryset[: limit * 3], key=score)[:limit]


def search_statements(words, limit):
    """(count, best published statements) for the words, each with a `snippet`."""
    statements = Statement.objects.published().filter(_text_filter(words))
    rows = _best_first(statements.for_list(), words, limit)
    for row in rows:
        row.snippet = highlight(f"{row.summary}\n{body_plain_text(row.body)}", words)
    return statements.count(), rows


def search_papers(words, limit):
    """(count, best Landtag papers) for the words, each with a `snippet`."""
    papers = Paper.objects.filter(_text_filter(words))
    rows = _best_first(papers.for_index(), words, limit)
    for row in rows:
        row.snippet = highlight(row.summary or row.title, words)
    return papers.count(), rows


def search_topics(words, limit):
    """(count, topics) whose name or description, in any language, has every word."""
    fields = [
        f"{name}_{code}" for name in ("name", "description") for code, _name in settings.LANGUAGES
    ]
    query = Q()
    for word in words:
        query &= spelling_of(fields, word) | spelling_of(fields, simple_stem(word))
    topics = list(Topic.objects.filter(query))
    for topic in topics:
        topic.snippet = highlight(topic.description, words)
    return len(topics), topics[:limit]

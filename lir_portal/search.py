"""The site-wide search: statements, papers, topics, committees and municipalities.

Each app finds its own kind of result; this module asks them all and groups
the answers by kind, best matches first.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from committees.models import Committee
from helpers.text import content_words, words_of
from municipalities.models import Municipality
from statements.search import (
    best,
    in_order,
    paper_matches,
    search_papers,
    search_statements,
    search_topics,
    statement_matches,
    topic_matches,
)

from .models import page_cache

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 10


@dataclass
class Group:
    key: str
    label: str
    results: list = field(default_factory=list)
    count: int = 0


def search(text, limit=RESULTS_PER_GROUP, version=None):
    """Results grouped by kind: [Group], each best first and at most `limit` long.

    Statements and papers are searched without stopwords ("der", "und"),
    names with every word typed. What each word finds is kept in the cache
    for the content `version` (see word_matches); without one nothing is kept.
    """
    groups = [
        Group("statements", _("Statements")),
        Group("papers", _("Landtag papers")),
        Group("topics", _("Topics")),
        Group("committees", _("Committees")),
        Group("municipalities", _("Municipalities")),
    ]
    words = words_of(text)
    if not words:
        return groups
    statements, papers, topics, committees, municipalities = groups
    content = content_words(words)
    matches = word_matches(
        {
            "statements": content,
            "papers": content,
            "topics": words,
            "committees": words,
            "municipalities": words,
        },
        version,
    )

    def fetch(queryset, pks):
        return rows_in_order(queryset, pks, version)

    statements.count, statements.results = search_statements(
        content, limit, matches["statements"], fetch
    )
    papers.count, papers.results = search_papers(content, limit, matches["papers"], fetch)
    topics.count, topics.results = search_topics(words, limit, matches["topics"])
    for group, queryset in (
        (committees, Committee.objects.for_index()),
        (municipalities, Municipality.objects.with_district()),
    ):
        count, pks = best(matches[group.key], limit=None)
        group.count = count
        group.results = list(queryset.filter(pk__in=pks)[:limit]) if count else []
    return groups


# What one word finds, {pk: rank}, for each kind of result.
WORD_MATCHES = {
    "statements": statement_matches,
    "papers": paper_matches,
    "topics": topic_matches,
    "committees": lambda word: dict.fromkeys(
        Committee.objects.current().matching([word]).values_list("pk", flat=True), 0
    ),
    "municipalities": lambda word: dict.fromkeys(
        Municipality.objects.matching([word]).values_list("pk", flat=True), 0
    ),
}


def word_matches(wanted, version):
    """{kind: [{pk: rank} for each word]} for wanted = {kind: words}.

    Every kind and word is one entry in the cache under the content version,
    read together in one round trip: the queries run only for the words not
    searched since the last change. A change of content raises the version,
    so no entry outlives what it found.
    """
    keys = {
        (kind, word): f"search:{version}:{kind}:{word.casefold()}"
        for kind, words in wanted.items()
        for word in words
    }
    cache = page_cache()
    found = cache.get_many(list(keys.values())) if version is not None else {}
    result = {kind: [] for kind in wanted}
    missing = {}
    for (kind, word), key in keys.items():
        matches = found.get(key)
        if matches is None:
            matches = missing[key] = WORD_MATCHES[kind](word)
        result[kind].append(matches)
    if missing and version is not None:
        cache.set_many(missing, settings.PAGE_CACHE_SECONDS)
    return result


def rows_in_order(queryset, pks, version):
    """The rows of `queryset` with these pks, in their order, each kept under the content version.

    Results recur from search to search (the best statements on a topic),
    and reading them from the cache spares the query and its prefetches.
    Without a version nothing is kept.
    """
    if version is None:
        return in_order(queryset, pks)
    model = queryset.model._meta.label_lower
    keys = {pk: f"search-row:{version}:{model}:{pk}" for pk in pks}
    cache = page_cache()
    found = cache.get_many(list(keys.values()))
    rows = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in pks if pk not in rows]
    if missing:
        read = {row.pk: row for row in in_order(queryset, missing)}
        cache.set_many({keys[pk]: row for pk, row in read.items()}, settings.PAGE_CACHE_SECONDS)
        rows.update(read)
    return [rows[pk] for pk in pks if pk in rows]


# Statements and papers among the results are written with their list
# templates once per content version and language, with a mark where the
# snippet goes; a search then only puts in its snippets.
RESULT_ITEMS = {
    "statements": ("statements/includes/statement_item.html", "statement"),
    "papers": ("statements/includes/paper_item.html", "paper"),
}
SNIPPET_MARK = "<!--snippet-->"


def write_results(groups, version):
    """Set `html` on every statement and paper result: its list item, with its snippet.

    Without a version nothing is kept.
    """
    language = get_language()
    rows = {
        f"search-item:{version}:{language}:{group.key}:{row.pk}": (group.key, row)
        for group in groups
        if group.key in RESULT_ITEMS
        for row in group.results
    }
    cache = page_cache()
    found = cache.get_many(list(rows)) if version is not None and rows else {}
    made = {}
    for key, (kind, row) in rows.items():
        template, name = RESULT_ITEMS[kind]
        if not row.snippet:
            # Without a snippet the item shows the summary instead.
            row.html = render_to_string(template, {name: row, "snippet": row.snippet})
            continue
        shell = found.get(key)
        if shell is None:
            shell = made[key] = render_to_string(
                template,
                {name: row, "snippet": mark_safe(SNIPPET_MARK)},  # noqa: S308  # nosec B308 B703
            )
        # The snippet is escaped text with <mark> tags (helpers.text.highlight).
        row.html = mark_safe(shell.replace(SNIPPET_MARK, row.snippet, 1))  # noqa: S308  # nosec B308 B703
    if made and version is not None:
        cache.set_many(made, settings.PAGE_CACHE_SECONDS)

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
    asked = {key: kind_and_word for kind_and_word, key in keys.items()}

    def find(missing):
        matches = {}
        for key in missing:
            kind, word = asked[key]
            matches[key] = WORD_MATCHES[kind](word)
        return matches

    found = kept(list(asked), find, version)
    result = {kind: [] for kind in wanted}
    for (kind, _word), key in keys.items():
        result[kind].append(found[key])
    return result


def rows_in_order(queryset, pks, version):
    """The rows of `queryset` with these pks, in their order, each kept under the content version.

    Results recur from search to search (the best statements on a topic),
    and reading them from the cache spares the query and its prefetches.
    """
    model = queryset.model._meta.label_lower
    keys = {pk: f"search-row:{version}:{model}:{pk}" for pk in pks}
    pk_of = {key: pk for pk, key in keys.items()}

    def read(missing):
        rows = queryset.filter(pk__in=[pk_of[key] for key in missing])
        return {keys[row.pk]: row for row in rows}

    rows = kept(list(pk_of), read, version)
    return [rows[keys[pk]] for pk in pks if keys[pk] in rows]


def kept(keys, make, version):
    """{key: value} for these keys of the pages cache, each kept under the content version.

    What the cache lacks is made by `make(missing keys)` (a dict; a key it
    leaves out is missing from the answer too) and kept. Without a version
    everything is made and nothing kept.
    """
    cache = page_cache()
    found = cache.get_many(keys) if version is not None and keys else {}
    missing = [key for key in keys if key not in found]
    if missing:
        made = make(missing)
        if version is not None:
            cache.set_many(made, settings.PAGE_CACHE_SECONDS)
        found.update(made)
    return found


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
    rows = {}
    for group in groups:
        if group.key not in RESULT_ITEMS:
            continue
        template, name = RESULT_ITEMS[group.key]
        for row in group.results:
            if row.snippet:
                rows[f"search-item:{version}:{language}:{group.key}:{row.pk}"] = (
                    template,
                    name,
                    row,
                )
            else:
                # Without a snippet the item shows the summary instead.
                row.html = render_to_string(template, {name: row, "snippet": row.snippet})

    def write(missing):
        shells = {}
        for key in missing:
            template, name, row = rows[key]
            snippet = mark_safe(SNIPPET_MARK)  # noqa: S308  # nosec B308 B703
            shells[key] = render_to_string(template, {name: row, "snippet": snippet})
        return shells

    shells = kept(list(rows), write, version)
    for key, (_template, _name, row) in rows.items():
        # The snippet is escaped text with <mark> tags (helpers.text.highlight).
        row.html = mark_safe(shells[key].replace(SNIPPET_MARK, row.snippet, 1))  # noqa: S308  # nosec B308 B703

"""The site-wide search: statements, papers, topics, committees and municipalities.

Each app finds its own kind of result (KINDS); this module asks them all and
groups the answers by kind, best matches first. A search reads the cache
twice, each time in one round trip: what each word finds (word_matches) and
the written list items of the results it shows (written_results). Both are
kept under the content version, so a change of content is searched afresh.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from committees.models import Committee
from helpers.text import content_words, highlight, mentions, words_of
from municipalities.models import Municipality
from statements.bodytext import body_plain_text
from statements.models import Paper, Statement, Topic
from statements.search import best, in_list_order, paper_matches, statement_matches, topic_matches

from .models import page_cache

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 10


@dataclass(frozen=True)
class Kind:
    """One kind of result: what a word finds of it, and how a result is written.

    `find(word)` gives {pk: rank}, the higher rank first; `rows()` the
    queryset a result is read from; the result is written with `template`,
    where the row is `name`; its snippet is taken from `texts(row)`: the
    first text, or all of them when the first has none of the words.
    """

    label: Promise
    find: Callable
    rows: Callable
    template: str
    name: str
    texts: Callable = lambda row: ()
    without_stopwords: bool = False


def _in_list_order(queryset):
    """{pk: rank} of the rows in the order of their model's lists (the pk decides ties)."""
    ordering = [*queryset.model._meta.ordering, "pk"]
    return in_list_order(queryset.order_by(*ordering).values_list("pk", flat=True))


KINDS = {
    "statements": Kind(
        _("Statements"),
        statement_matches,
        lambda: Statement.objects.published().for_list(),
        "statements/includes/statement_item.html",
        "statement",
        lambda statement: (statement.summary, body_plain_text(statement.body)),
        without_stopwords=True,
    ),
    "papers": Kind(
        _("Landtag papers"),
        paper_matches,
        lambda: Paper.objects.for_index(),
        "statements/includes/paper_item.html",
        "paper",
        lambda paper: (paper.summary or paper.title,),
        without_stopwords=True,
    ),
    "topics": Kind(
        _("Topics"),
        topic_matches,
        lambda: Topic.objects.all(),
        "search/topic_item.html",
        "topic",
        lambda topic: (topic.description,),
    ),
    # Names: every word typed, the rows in the order of their lists.
    "committees": Kind(
        _("Committees"),
        lambda word: _in_list_order(Committee.objects.current().matching([word])),
        lambda: Committee.objects.for_index(),
        "search/committee_item.html",
        "committee",
    ),
    "municipalities": Kind(
        _("Municipalities"),
        lambda word: _in_list_order(Municipality.objects.matching([word])),
        lambda: Municipality.objects.with_district(),
        "search/municipality_item.html",
        "municipality",
    ),
}


@dataclass
class Group:
    key: str
    label: str
    results: list = field(default_factory=list)
    count: int = 0


@dataclass(frozen=True)
class Result:
    pk: int
    html: str


def search(text, limit=RESULTS_PER_GROUP, version=None):
    """Results grouped by kind: [Group], each best first and at most `limit` long.

    Statements and papers are searched without stopwords ("der", "und"),
    names with every word typed. Each result is its list item (`html`) with
    a snippet around the words. What each word finds and how each result is
    written are kept in the cache for the content `version` (word_matches,
    written_results); without one nothing is kept.
    """
    groups = [Group(key, kind.label) for key, kind in KINDS.items()]
    words = words_of(text)
    if not words:
        return groups
    content = content_words(words)
    wanted = {key: content if kind.without_stopwords else words for key, kind in KINDS.items()}
    matches = word_matches(wanted, version)
    shown = {}
    for group in groups:
        group.count, shown[group.key] = best(matches[group.key], limit)
    written = written_results(shown, version)
    for group in groups:
        group.results = [
            Result(pk, with_snippet(*written[group.key, pk], wanted[group.key]))
            for pk in shown[group.key]
            if (group.key, pk) in written
        ]
    return groups


def similar_municipalities(text, version):
    """The municipalities named most like `text`, for a search that found nothing.

    Their names are read once per content version in each process.
    """
    names = None if version is None else municipality_names(version)
    return Municipality.objects.similar_to(text, names=names)


@functools.lru_cache(maxsize=1)
def municipality_names(version):
    return tuple(Municipality.objects.values_list("name", flat=True))


def word_matches(wanted, version):
    """{kind: [{pk: rank} for each word]} for wanted = {kind: words}.

    Every kind and word is one entry in the cache under the content version,
    read together in one round trip: the queries run only for the words not
    searched since the last change. A change of content raises the version,
    so no entry outlives what it found.
    """
    asked = [(kind, word) for kind, words in wanted.items() for word in words]
    found = kept(
        asked,
        lambda kind, word: f"search:{version}:{kind}:{word.casefold()}",
        lambda missing: {(kind, word): KINDS[kind].find(word) for kind, word in missing},
        version,
    )
    result = {kind: [] for kind in wanted}
    for kind, word in asked:
        result[kind].append(found[kind, word])
    return result


def kept(items, key, make, version):
    """{item: value} for these items, each kept in the pages cache under `key(*item)`.

    The keys carry the content version. What the cache lacks is made by
    `make(missing items)` ({item: value}; an item it leaves out is missing
    from the answer too) and kept; items with the same key share one entry.
    Without a version everything is made and nothing kept.
    """
    keys = {item: key(*item) for item in items}
    names = list(dict.fromkeys(keys.values()))
    cache = page_cache()
    found = cache.get_many(names) if version is not None and names else {}
    missing = {name: item for item, name in keys.items() if name not in found}
    if missing:
        made = {keys[item]: value for item, value in make(list(missing.values())).items()}
        if version is not None:
            cache.set_many(made, settings.PAGE_CACHE_SECONDS)
        found.update(made)
    return {item: found[name] for item, name in keys.items() if name in found}


# A result is written with its list template once per content version and
# language, with a mark where the snippet goes; a search then only puts in
# its snippet.
SNIPPET_MARK = "<!--snippet-->"


def written_results(shown, version):
    """{(kind, pk): (list item with SNIPPET_MARK, texts for the snippet)} for shown = {kind: pks}.

    A row that no longer exists is left out. Without a version nothing is kept.
    """
    language = get_language()

    def write(missing):
        wanted = {}
        for kind, pk in missing:
            wanted.setdefault(kind, []).append(pk)
        return {
            (kind, row.pk): write_result(KINDS[kind], row)
            for kind, pks in wanted.items()
            for row in KINDS[kind].rows().filter(pk__in=pks)
        }

    return kept(
        [(kind, pk) for kind, pks in shown.items() for pk in pks],
        lambda kind, pk: f"search-result:{version}:{language}:{kind}:{pk}",
        write,
        version,
    )


def write_result(kind, row):
    texts = tuple(text or "" for text in kind.texts(row))
    # The mark is a comment, and taken out again before a page is sent.
    snippet = mark_safe(SNIPPET_MARK) if any(texts) else ""  # noqa: S308  # nosec B308 B703
    return render_to_string(kind.template, {kind.name: row, "snippet": snippet}), texts


def with_snippet(item, texts, words):
    """The written item with its snippet: escaped text with <mark> tags (helpers.text.highlight)."""
    if any(texts):
        text = texts[0] if mentions(texts[0], words) else "\n".join(texts)
        item = item.replace(SNIPPET_MARK, highlight(text, words), 1)
    return mark_safe(item)  # noqa: S308  # nosec B308 B703

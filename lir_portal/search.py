"""The site-wide search: statements, papers, topics, committees and municipalities.

Each app finds its own kind of result; this module asks them all and groups
the answers by kind, best matches first.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from committees.models import Committee
from helpers.lists import first_and_count
from helpers.text import content_words, words_of
from municipalities.models import Municipality
from statements.search import search_papers, search_statements, search_topics

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 10


@dataclass
class Group:
    key: str
    label: str
    results: list = field(default_factory=list)
    count: int = 0


def search(text, limit=RESULTS_PER_GROUP):
    """Results grouped by kind: [Group], each best first and at most `limit` long.

    Statements and papers are searched without stopwords ("der", "und"),
    names with every word typed.
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
    statements.count, statements.results = search_statements(content_words(words), limit)
    papers.count, papers.results = search_papers(content_words(words), limit)
    topics.count, topics.results = search_topics(words, limit)
    for group, found in (
        (committees, Committee.objects.current().for_index().matching(words)),
        (municipalities, Municipality.objects.with_district().matching(words)),
    ):
        group.results, group.count = first_and_count(found, limit)
    return groups

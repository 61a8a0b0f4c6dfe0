"""Test data builders for papers and statements, in number ranges the real data does not use."""

import itertools

from django.utils import timezone

from statements.models import Paper, PaperKind, Statement

_numbers = itertools.count(9000)


def make_paper(term=18, number=None, kind=PaperKind.ANTRAG, title=None, **fields):
    number = number or next(_numbers)
    if "summary" in fields:
        fields["summary_de"] = fields.pop("summary")
    return Paper.objects.create(
        term=term, number=number, kind=kind, title=title or f"Testantrag {number}", **fields
    )


def make_statement(title=None, published=True, papers=(), topics=(), **fields):
    number = next(_numbers)
    values = {
        # German is the default language and every other language falls back to it.
        "title_de": title or f"Teststellungnahme {number}",
        "slug": f"test-{number}",
        "summary_de": fields.pop("summary", f"Zusammenfassung {number}"),
        "status": Statement.Status.PUBLISHED if published else Statement.Status.DRAFT,
        "published_at": timezone.now() if published else None,
    }
    values.update(fields)
    statement = Statement.objects.create(**values)
    statement.papers.set(papers)
    statement.topics.set(topics)
    return statement

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from helpers.lists import list_page, paged_list

from .filters import PaperFilter, StatementFilter
from .models import Hearing, LandtagCommittee, Paper, Statement, Topic

PAPERS_PAGE_SIZE = 30
HEARINGS_PAGE_SIZE = 30


@require_safe
def statement_index(request):
    # The list shows each statement's summary, never its text.
    statements = Statement.objects.published().for_list().defer("body")
    context = list_page(request, StatementFilter, statements, settings.STATEMENTS_PAGE_SIZE)
    return render(request, "statements/statement_index.html", context, status=context["status"])


def statement_context(statement):
    return {
        "statement": statement,
        "papers": list(statement.papers.all()),
        "topics": list(statement.topics.all()),
        "attachments": list(statement.attachments.all()),
    }


@require_safe
def statement_detail(request, slug):
    statement = get_object_or_404(Statement.objects.published().for_detail(), slug=slug)
    context = statement_context(statement)
    context["permalink"] = request.build_absolute_uri(statement.get_absolute_url())
    return render(request, "statements/statement_detail.html", context)


@require_safe
def statement_preview(request, pk):
    """The statement as the public will see it, also while it is a draft.

    Only for those who may edit statements in the admin (and have passed its
    login, second factor included); any other staff login gets 403, like the
    admin's own page of the draft.
    """
    if not admin.site.has_permission(request):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if not request.user.has_perm("statements.change_statement"):
        raise PermissionDenied
    statement = get_object_or_404(Statement.objects.for_detail(), pk=pk)
    context = statement_context(statement)
    context["permalink"] = request.build_absolute_uri(statement.get_absolute_url())
    context["is_preview"] = True
    response = render(request, "statements/statement_detail.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def attachment(request, slug, pk):
    statement = get_object_or_404(Statement.objects.published(), slug=slug)
    item = get_object_or_404(statement.attachments, pk=pk)
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The file is missing") from error
    filename = item.file.name.rsplit("/", 1)[-1]
    # ?download asks for a download (Content-Disposition: attachment), as OParl's downloadUrl.
    return FileResponse(
        handle,
        content_type="application/pdf",
        filename=filename,
        as_attachment="download" in request.GET,
    )


@require_safe
def paper_index(request):
    context = list_page(request, PaperFilter, Paper.objects.for_index(), PAPERS_PAGE_SIZE)
    return render(request, "statements/paper_index.html", context, status=context["status"])


@require_safe
def paper_detail(request, term, number):
    paper = get_object_or_404(Paper.objects.for_detail(), term=term, number=number)
    return render(
        request,
        "statements/paper_detail.html",
        {
            "paper": paper,
            "originators": list(paper.originators.all()),
            "refers_to": list(paper.refers_to.all()),
            "referred_by": list(paper.referred_by.all()),
            "hearings": list(paper.hearings.all()),
            "statements": list(paper.statements.all()),
            "topics": list(paper.topics.all()),
        },
    )


@require_safe
def hearing_detail(request, slug, date):
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError as error:
        raise Http404("Not a date") from error
    hearing = get_object_or_404(
        Hearing.objects.select_related("committee").prefetch_related("papers"),
        committee__slug=slug,
        date=day,
    )
    return render(
        request,
        "statements/hearing_detail.html",
        {
            "hearing": hearing,
            "papers": list(hearing.papers.order_by("term", "number")),
            "statements": list(Statement.objects.published().for_list().filter(hearing=hearing)),
        },
    )


@require_safe
def landtag_committee_detail(request, slug):
    committee = get_object_or_404(LandtagCommittee, slug=slug)
    papers = Prefetch("papers", queryset=Paper.objects.references(), to_attr="paper_list")
    hearings = committee.hearings.prefetch_related(papers).order_by("-date")
    context = {"committee": committee, **paged_list(request, hearings, HEARINGS_PAGE_SIZE)}
    return render(
        request,
        "statements/landtag_committee_detail.html",
        context,
        status=context["status"],
    )


@require_safe
def topic_index(request):
    return render(
        request, "statements/topic_index.html", {"topics": list(Topic.objects.for_index())}
    )


# A topic's page shows its newest statements and papers; the lists, filtered
# by the topic and paged, have them all.
TOPIC_PAGE_ITEMS = 10


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.published().for_list().on_topic(topic)
    papers = Paper.objects.for_index().filter(topics=topic)
    return render(
        request,
        "statements/topic_detail.html",
        {
            "topic": topic,
            "statements": list(statements[:TOPIC_PAGE_ITEMS]),
            "statement_count": statements.count(),
            "papers": list(papers[:TOPIC_PAGE_ITEMS]),
            "paper_count": papers.count(),
        },
    )

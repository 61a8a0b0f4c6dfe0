import datetime

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from lir_portal.filtering import filter_state

from .filters import PaperFilter, StatementFilter
from .forms import SearchForm
from .models import Hearing, LandtagCommittee, Paper, Statement, Topic
from .references import find_reference
from .search import search

PAPERS_PAGE_SIZE = 30


def paginate(request, items, per_page):
    """(page, error): the requested page, or None and a message if there is no such page."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page") or "1"
    try:
        number = int(raw)
    except ValueError:
        number = None
    if number is None or number < 1 or number > paginator.num_pages:
        return paginator.page(paginator.num_pages), ngettext(
            "There is no page “%(page)s” of this list; it has %(count)d page.",
            "There is no page “%(page)s” of this list; it has %(count)d pages.",
            paginator.num_pages,
        ) % {"page": raw[:20], "count": paginator.num_pages}
    return paginator.page(number), ""


def filtered_list(request, filterset, per_page):
    """Context shared by list pages: filter, page, counts, messages on ignored input."""
    queryset = filterset.qs
    page, page_error = paginate(request, queryset, per_page)
    return {
        "filter": filterset,
        **filter_state(filterset),
        "page_obj": page,
        "results": list(page.object_list) if not page_error else [],
        "result_count": page.paginator.count,
        "page_error": page_error,
    }


@require_safe
def statement_index(request):
    statements = Statement.objects.published().for_list()
    filterset = StatementFilter(request.GET or None, queryset=statements)
    context = filtered_list(request, filterset, settings.STATEMENTS_PAGE_SIZE)
    context["search_form"] = SearchForm()
    status = 404 if context["page_error"] else 200
    return render(request, "statements/statement_index.html", context, status=status)


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


@staff_member_required
@require_safe
def statement_preview(request, pk):
    """The statement as the public will see it, for staff, also while it is a draft."""
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
    return FileResponse(handle, content_type="application/pdf", filename=filename)


@require_safe
def paper_index(request):
    papers = Paper.objects.for_index()
    filterset = PaperFilter(request.GET or None, queryset=papers)
    context = filtered_list(request, filterset, PAPERS_PAGE_SIZE)
    context["search_form"] = SearchForm()
    status = 404 if context["page_error"] else 200
    return render(request, "statements/paper_index.html", context, status=status)


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
    hearings = list(committee.hearings.prefetch_related("papers").order_by("-date"))
    return render(
        request,
        "statements/landtag_committee_detail.html",
        {"committee": committee, "hearings": hearings},
    )


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(
        request,
        "statements/topic_detail.html",
        {
            "topic": topic,
            "statements": list(Statement.objects.published().for_list().on_topic(topic)),
            "papers": list(Paper.objects.for_index().filter(topics=topic)),
        },
    )


@require_safe
def search_view(request):
    form = SearchForm(request.GET or None)
    groups, query, reference, reference_message = [], "", None, ""
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        reference = find_reference(query)
        if reference:
            paper = Paper.objects.with_reference(reference).first()
            if paper:
                return redirect(paper)
            reference_message = _(
                "We have no record of the Landtag paper %(reference)s. You can look it up in "
                "the Landtag's document archive."
            ) % {"reference": reference}
        groups = search(query)
    total = sum(group.count for group in groups)
    return render(
        request,
        "statements/search.html",
        {
            "form": form,
            "query": query,
            "groups": [group for group in groups if group.count],
            "total": total,
            "reference": reference if reference_message else None,
            "reference_message": reference_message,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )

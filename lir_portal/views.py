"""Pages of the portal as a whole: home, site search, robots.txt and the error pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from committees.models import Committee, Term
from municipalities.models import Municipality
from statements.models import Paper, Topic
from statements.references import find_reference

from .forms import SearchForm
from .pagecache import not_stored
from .search import search, similar_municipalities


@require_safe
def home(request):
    term = Term.objects.current()
    committees = Committee.objects.in_term(term)
    return render(
        request,
        "home.html",
        {
            "term": term,
            "committee_count": committees.count(),
            "member_count": committees.members().count(),
            "municipality_count": Municipality.objects.count(),
            "topics": Topic.objects.all(),
        },
    )


@require_safe
def search_view(request):
    """Search everything; a Landtag paper's reference ("Drs. 17/1356") opens that paper."""
    form = SearchForm(request.GET or None)
    groups, query, reference, reference_message = [], "", None, ""
    # The page cache tells which content version this page is rendered for.
    version = getattr(request, "content_version", None)
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
        groups = search(query, version=version)
    total = sum(group.count for group in groups)
    response = render(
        request,
        "search.html",
        {
            "form": form,
            "query": query,
            "groups": [group for group in groups if group.count],
            "total": total,
            "suggestions": similar_municipalities(query, version) if query and not total else [],
            "reference": reference if reference_message else None,
            "reference_message": reference_message,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
    # Almost every query is a new address: its parts are kept (search), not the page.
    return not_stored(response) if query else response


@require_safe
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page; it avoids the database and most context, which may be what failed.

    While the database cannot be reached (a restart, maintenance, a lock that
    did not come free) the answer is 503 with Retry-After: the visitor reads
    that it is brief, and browsers and crawlers that it is temporary.
    """
    unavailable = isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))
    template = loader.get_template("500.html")
    body = template.render({"request": request, "unavailable": unavailable})
    if not unavailable:
        return HttpResponseServerError(body)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    return response

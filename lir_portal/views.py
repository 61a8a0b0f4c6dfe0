"""Pages of the portal as a whole: home and the error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from committees.models import Committee, Term
from municipalities.models import Municipality
from statements.models import Topic


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


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page; it avoids the database and most context, which may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))

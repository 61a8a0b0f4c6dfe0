from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from committees.models import Committee, Term
from committees.views import group_by_letter

from .models import Municipality, RegierungsBezirk

NEAREST_COUNT = 5
MAX_QUERY_LENGTH = 100


def municipality_index(request):
    """Every NRW municipality A-Z, marked with whether it has a committee now."""
    term = Term.objects.current()
    municipalities = Municipality.objects.with_district().prefetch_related(
        Prefetch(
            "committees",
            queryset=Committee.objects.in_term(term).select_related("term"),
            to_attr="current_committees",
        )
    )
    query = request.GET.get("q", "").strip()
    bezirk = request.GET.get("regierungsbezirk", "")
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        message = _(
            "The search text was too long (at most %(max)d characters) and was ignored."
        ) % {"max": MAX_QUERY_LENGTH}
        query = ""
    if query:
        municipalities = municipalities.filter(name__icontains=query)
    if bezirk in RegierungsBezirk.values:
        municipalities = municipalities.filter(regierungsbezirk=bezirk)
    elif bezirk:
        message = _("Unknown Regierungsbezirk; showing all.")
        bezirk = ""
    rows = list(municipalities)
    return render(
        request,
        "municipalities/municipality_index.html",
        {
            "groups": group_by_letter(rows, lambda m: m.name),
            "result_count": len(rows),
            "with_committee": sum(1 for m in rows if m.current_committees),
            "query": query,
            "bezirk": bezirk,
            "bezirke": RegierungsBezirk.choices,
            "message": message,
            "term": term,
        },
    )


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.with_district(), slug=slug)
    term = Term.objects.current()
    current = list(Committee.objects.for_index().in_term(term))
    committee = next((c for c in current if c.municipality_id == municipality.pk), None)
    others = [c for c in current if c.municipality_id != municipality.pk]
    for other in others:
        other.distance = municipality.distance_km(other.municipality)
    nearest = sorted(others, key=lambda c: c.distance)[:NEAREST_COUNT]
    history = list(municipality.committees.select_related("term").order_by("-term__start"))
    return render(
        request,
        "municipalities/municipality_detail.html",
        {
            "municipality": municipality,
            "committee": committee,
            "history": history,
            "nearest": nearest,
            "term": term,
        },
    )

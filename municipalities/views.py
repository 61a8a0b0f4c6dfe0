from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from committees.models import Committee, Term
from committees.views import group_by_letter
from lir_portal.filtering import filter_state

from .filters import MunicipalityFilter
from .models import Municipality

NEAREST_COUNT = 5


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
    filterset = MunicipalityFilter(request.GET or None, queryset=municipalities)
    rows = list(filterset.qs)
    return render(
        request,
        "municipalities/municipality_index.html",
        {
            "filter": filterset,
            **filter_state(filterset),
            "groups": group_by_letter(rows, lambda m: m.name),
            "result_count": len(rows),
            "with_committee": sum(1 for m in rows if m.current_committees),
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

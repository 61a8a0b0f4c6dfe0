"""The registry's public pages: committees, municipalities, map and figures.

The municipality pages live here rather than in `municipalities`, because each
of them shows the municipality's committees; `municipalities` holds only the
official directory.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from helpers.lists import group_by_letter, list_page
from municipalities.models import Municipality

from . import geo
from .filters import CommitteeFilter, MunicipalityFilter
from .models import RENAME_DATE, Committee, PublishedFigure, Term

NEAREST_COUNT = 5


@require_safe
def committee_index(request):
    term = Term.objects.current()
    # The list reads only the columns its rows show.
    committees = (
        Committee.objects.for_index()
        .in_term(term)
        .only(
            "is_member",
            "term__start",
            "term__end",
            "municipality__name",
            "municipality__slug",
            "municipality__regierungsbezirk",
            "municipality__district__name",
            "municipality__district__kind",
        )
    )
    context = list_page(request, CommitteeFilter, committees)
    context.update(
        term=term,
        total_count=committees.count() if context["is_filtered"] else context["result_count"],
        groups=group_by_letter(context["results"], lambda c: c.municipality.name),
        suggestions=suggestions(context, Municipality.objects.filter(committees__term=term)),
    )
    return render(request, "committees/committee_index.html", context)


def suggestions(context, municipalities):
    """When a name search found nothing: the municipalities with the most similar names."""
    text = getattr(context["filter"].form, "cleaned_data", {}).get("q")
    if context["results"] or not text:
        return []
    return municipalities.similar_to(text)


@require_safe
def committee_detail(request, slug, term=None):
    municipality = get_object_or_404(Municipality.objects.with_district(), slug=slug)
    history = Committee.objects.history_of(municipality)
    if not history:
        return redirect(municipality)
    if term is None:
        committee = history[0]
    else:
        committee = next((c for c in history if c.term.slug == term), None)
        if committee is None:
            raise Http404("No committee in this term")
    return render(
        request,
        "committees/committee_detail.html",
        {
            "committee": committee,
            "municipality": municipality,
            "history": history,
            "former_names": committee.former_names(history),
            "is_current": committee.term == Term.objects.current(),
        },
    )


@require_safe
def municipality_index(request):
    """Every NRW municipality A-Z, marked with whether it has a committee now."""
    term = Term.objects.current()
    # The list shows names and links only: 396 rows, so nothing else is read.
    municipalities = Municipality.objects.only("name", "slug").annotate(
        has_committee=Committee.objects.exists_in(term)
    )
    context = list_page(request, MunicipalityFilter, municipalities)
    context.update(
        term=term,
        groups=group_by_letter(context["results"], lambda m: m.name),
        with_committee=sum(1 for m in context["results"] if m.has_committee),
        suggestions=suggestions(context, Municipality.objects.all()),
    )
    return render(request, "committees/municipality_index.html", context)


@require_safe
def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.with_district(), slug=slug)
    term = Term.objects.current()
    current = Committee.objects.in_term(term)
    return render(
        request,
        "committees/municipality_detail.html",
        {
            "municipality": municipality,
            "committee": current.filter(municipality=municipality).first(),
            "history": Committee.objects.history_of(municipality),
            "nearest": current.for_index().nearest_to(municipality, NEAREST_COUNT),
            "term": term,
        },
    )


# Towns at least this large get their name on the map.
MAP_LABEL_POPULATION = 500_000


@require_safe
def committee_map(request):
    term = Term.objects.current()
    points = []
    for committee in Committee.objects.for_index().in_term(term):
        x, y = geo.project(committee.municipality.latitude, committee.municipality.longitude)
        points.append({"committee": committee, "x": x, "y": y})
    big = sorted(
        (
            p
            for p in points
            if (p["committee"].municipality.population or 0) >= MAP_LABEL_POPULATION
        ),
        key=lambda point: point["x"],
    )
    # Neighbours in the Ruhr area: alternate the names above and below their dots.
    labels = [
        {**point, "label_y": point["y"] - 16 if index % 2 == 0 else point["y"] + 30}
        for index, point in enumerate(big)
    ]
    by_bezirk = {}
    for point in points:
        municipality = point["committee"].municipality
        by_bezirk.setdefault(municipality.regierungsbezirk_name, []).append(point["committee"])
    return render(
        request,
        "committees/committee_map.html",
        {
            "term": term,
            "points": points,
            "labels": labels,
            "by_bezirk": sorted(by_bezirk.items()),
            "outline": geo.outline(),
            "width": geo.CANVAS_WIDTH,
            "height": geo.CANVAS_HEIGHT,
        },
    )


# Totals the sources state for the term from 01.11.2025. They disagree with each
# other and with the list of towns, so the registry counts its own records and
# the statistics page shows these beside its count.
STATED_COUNTS = {"list_page": 114, "qualification_flyer": 111}


@require_safe
def statistics(request):
    term = Term.objects.current()
    figures = PublishedFigure.objects.filter(term=term).select_related("term")
    figures_list = list(figures)  # fills the cache that comparisons() iterates
    sources = list(dict.fromkeys((f.source, f.source_url, f.as_of) for f in figures_list))
    committees = Committee.objects.in_term(term)
    bezirke = committees.by_regierungsbezirk()
    return render(
        request,
        "committees/statistics.html",
        {
            "term": term,
            "figures": figures_list,
            "comparisons": figures.comparisons(),
            "countries": [f for f in figures_list if f.metric == PublishedFigure.Metric.COUNTRIES],
            "committee_count": committees.count(),
            "member_count": committees.members().count(),
            "bezirke": bezirke,
            "bezirk_rows": [(b["label"], b["committees"], b["committees"]) for b in bezirke],
            # One source for every figure is named once, under the table.
            "one_source": sources[0] if len(sources) == 1 else None,
            "stated_counts": STATED_COUNTS if term and term.start == RENAME_DATE else None,
        },
    )

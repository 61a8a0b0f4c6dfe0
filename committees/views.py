from itertools import groupby

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst

from lir_portal.filtering import filter_state
from municipalities.models import Municipality, RegierungsBezirk, index_letter

from . import geo
from .filters import CommitteeFilter
from .models import Committee, PublishedFigure, Term


def group_by_letter(items, name):
    """[(letter, [items])] in A-Z order; umlauts are filed under their base letter."""
    return [
        (letter, list(group))
        for letter, group in groupby(items, key=lambda item: index_letter(name(item)))
    ]


def count_by(queryset, field):
    """{value of field: number of rows}, in one query."""
    rows = queryset.order_by().values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in rows}


def committee_index(request):
    term = Term.objects.current()
    committees = Committee.objects.for_index().in_term(term)
    filterset = CommitteeFilter(request.GET or None, queryset=committees)
    results = list(filterset.qs) if filterset.is_bound else list(committees)
    return render(
        request,
        "committees/committee_index.html",
        {
            "term": term,
            "filter": filterset,
            **filter_state(filterset),
            "result_count": len(results),
            "total_count": committees.count() if filterset.is_bound else len(results),
            "groups": group_by_letter(results, lambda c: c.municipality.name),
        },
    )


def committee_detail(request, slug, term=None):
    municipality = get_object_or_404(Municipality.objects.with_district(), slug=slug)
    history = list(municipality.committees.select_related("term").order_by("-term__start"))
    if not history:
        return redirect(municipality)
    if term is None:
        committee = history[0]
    else:
        committee = next((c for c in history if c.term.slug == term), None)
        if committee is None:
            raise Http404("No committee in this term")
    for item in history:
        item.municipality = municipality
    committee.municipality = municipality
    former_names = []
    for item in history:
        name = item.official_name
        if (
            item.term.start < committee.term.start
            and name != committee.official_name
            and name not in former_names
        ):
            former_names.append(name)
    return render(
        request,
        "committees/committee_detail.html",
        {
            "committee": committee,
            "municipality": municipality,
            "history": history,
            "former_names": former_names,
            "is_current": committee.term == Term.objects.current(),
        },
    )


def committee_map(request):
    term = Term.objects.current()
    committees = Committee.objects.for_index().in_term(term)
    points = []
    for committee in committees:
        x, y = geo.project(committee.municipality.latitude, committee.municipality.longitude)
        points.append({"committee": committee, "x": x, "y": y})
    return render(
        request,
        "committees/committee_map.html",
        {
            "term": term,
            "points": points,
            "outline": geo.outline(),
            "width": geo.CANVAS_WIDTH,
            "height": geo.CANVAS_HEIGHT,
        },
    )


def statistics(request):
    term = Term.objects.current()
    figures = list(PublishedFigure.objects.filter(term=term).select_related("term"))
    by_metric = {}
    for figure in figures:
        by_metric.setdefault(figure.metric, []).append(figure)
    committees = Committee.objects.in_term(term)
    per_bezirk = count_by(committees, "municipality__regierungsbezirk")
    municipalities_per_bezirk = count_by(Municipality.objects.all(), "regierungsbezirk")
    bezirke = [
        {
            "label": bezirk.label,
            "committees": per_bezirk.get(bezirk.value, 0),
            "municipalities": municipalities_per_bezirk.get(bezirk.value, 0),
        }
        for bezirk in RegierungsBezirk
    ]
    comparisons = []
    for metric in (PublishedFigure.Metric.AVERAGE_AGE, PublishedFigure.Metric.WOMEN_SHARE):
        rows = by_metric.get(metric)
        if rows:
            comparisons.append(
                {
                    "title": capfirst(PublishedFigure.Metric(metric).label),
                    "rows": [(f.get_body_display(), f.value, f.shown) for f in rows],
                    "maximum": 100 if metric == PublishedFigure.Metric.WOMEN_SHARE else None,
                }
            )
    return render(
        request,
        "committees/statistics.html",
        {
            "term": term,
            "comparisons": comparisons,
            "countries": by_metric.get(PublishedFigure.Metric.COUNTRIES, []),
            "figures": figures,
            "committee_count": committees.count(),
            "member_count": committees.members().count(),
            "bezirke": bezirke,
            "bezirk_rows": [(b["label"], b["committees"], b["committees"]) for b in bezirke],
        },
    )

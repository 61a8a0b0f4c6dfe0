"""Filters of the statement list and the paper list; their state lives in the query string."""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from helpers.widgets import ChoiceFilter, ModelChoiceFilter

from .models import Originator, Paper, PaperKind, Statement, Topic


def term_choices():
    terms = Paper.objects.order_by("-term").values_list("term", flat=True).distinct()
    return [(str(term), _("term %(term)d") % {"term": term}) for term in terms]


def topic_filter(**lookup):
    """The choice of a topic by its slug; `lookup` says how it filters (field_name or method)."""
    return ModelChoiceFilter(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("all"),
        **lookup,
    )


class StatementFilter(django_filters.FilterSet):
    topic = topic_filter(method="filter_topic")
    year = ChoiceFilter(
        label=_("Year"),
        method="filter_year",
        empty_label=_("all"),
        help_text=_("Of the statement, or of its hearing if the statement is undated."),
    )
    kind = ChoiceFilter(
        label=_("Kind of paper"),
        choices=PaperKind.choices,
        method="filter_kind",
        empty_label=_("all"),
    )
    term = ChoiceFilter(
        label=_("Landtag term"),
        method="filter_term",
        empty_label=_("all"),
    )

    class Meta:
        model = Statement
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = (
            Statement.objects.published()
            .with_sort_date()
            .exclude(sort_date=None)
            .annotate(year=ExtractYear("sort_date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
        self.filters["term"].extra["choices"] = term_choices()

    def filter_topic(self, queryset, name, value):
        return queryset.on_topic(value)

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))

    def filter_kind(self, queryset, name, value):
        return queryset.on_papers(Paper.objects.filter(kind=value))

    def filter_term(self, queryset, name, value):
        return queryset.on_papers(Paper.objects.filter(term=int(value)))


class PaperFilter(django_filters.FilterSet):
    term = ChoiceFilter(label=_("Landtag term"), empty_label=_("all"))
    kind = ChoiceFilter(label=_("Kind of paper"), choices=PaperKind.choices, empty_label=_("all"))
    originator = ModelChoiceFilter(
        label=_("Originator"),
        queryset=Originator.objects.all(),
        to_field_name="slug",
        field_name="originators",
        empty_label=_("all"),
    )
    topic = topic_filter(field_name="topics")

    class Meta:
        model = Paper
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["term"].extra["choices"] = term_choices()

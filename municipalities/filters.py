"""Filters of the municipality index; their state lives in the query string."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from committees.filters import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, spellings
from committees.models import Committee, Term

from .models import District, Municipality, RegierungsBezirk


class MunicipalityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name of the town or municipality"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
    )
    regierungsbezirk = django_filters.ChoiceFilter(
        label=_("Regierungsbezirk"), choices=RegierungsBezirk.choices, empty_label=_("all")
    )
    district = django_filters.ModelChoiceFilter(
        label=_("Kreis or district-free city"),
        queryset=District.objects.all(),
        to_field_name="key",
        empty_label=_("all"),
    )
    committee = django_filters.ChoiceFilter(
        label=_("Committee"),
        method="filter_committee",
        choices=[("yes", _("with a committee")), ("no", _("without a committee"))],
        empty_label=_("all"),
    )

    class Meta:
        model = Municipality
        fields = []

    def search(self, queryset, name, value):
        for word in value.split()[:MAX_QUERY_WORDS]:
            any_spelling = Q()
            for variant in spellings(word):
                any_spelling |= Q(name__icontains=variant)
            queryset = queryset.filter(any_spelling)
        return queryset

    def filter_committee(self, queryset, name, value):
        has_committee = Exists(
            Committee.objects.filter(municipality=OuterRef("pk"), term=Term.objects.current())
        )
        return queryset.filter(has_committee) if value == "yes" else queryset.exclude(has_committee)

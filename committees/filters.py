"""Filters of the committee index and the municipality index (state in the query string)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from helpers.text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, words_of
from helpers.widgets import ChoiceFilter, ModelChoiceFilter
from municipalities.models import District, Municipality, RegierungsBezirk

from .models import Committee


class CommitteeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Town, Kreis, or a current or former name of the committee"),
    )
    regierungsbezirk = ChoiceFilter(
        field_name="municipality__regierungsbezirk",
        label=_("Regierungsbezirk"),
        choices=RegierungsBezirk.choices,
        empty_label=_("all"),
    )
    district = ModelChoiceFilter(
        field_name="municipality__district",
        label=_("Kreis or district-free city"),
        queryset=District.objects.all(),
        to_field_name="key",
        empty_label=_("all"),
    )
    member = ChoiceFilter(
        label=_("Membership in the Landesintegrationsrat"),
        method="filter_member",
        choices=[("yes", _("members")), ("no", _("not members"))],
        empty_label=_("all"),
    )

    class Meta:
        model = Committee
        fields = []

    def search(self, queryset, name, value):
        return queryset.matching(words_of(value, MAX_QUERY_WORDS))

    def filter_member(self, queryset, name, value):
        return queryset.filter(is_member=(value == "yes"))


class MunicipalityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name of the town or municipality"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
    )
    regierungsbezirk = ChoiceFilter(
        label=_("Regierungsbezirk"), choices=RegierungsBezirk.choices, empty_label=_("all")
    )
    district = ModelChoiceFilter(
        label=_("Kreis or district-free city"),
        queryset=District.objects.all(),
        to_field_name="key",
        empty_label=_("all"),
    )
    committee = ChoiceFilter(
        label=_("Committee"),
        method="filter_committee",
        choices=[("yes", _("with a committee")), ("no", _("without a committee"))],
        empty_label=_("all"),
    )

    class Meta:
        model = Municipality
        fields = []

    def search(self, queryset, name, value):
        return queryset.matching(words_of(value, MAX_QUERY_WORDS))

    def filter_committee(self, queryset, name, value):
        has_committee = Exists(Committee.objects.current().filter(municipality=OuterRef("pk")))
        return queryset.filter(has_committee) if value == "yes" else queryset.exclude(has_committee)

"""The committee index's filters; their state lives in the query string."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import District, RegierungsBezirk

from .models import OFFICIAL_TITLES, Committee, CommitteeKind

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
UMLAUT_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def spellings(word):
    """The ways a word may be written: 'koeln' also as 'köln', 'übach' as 'Übach'.

    SQLite folds case only for ASCII letters, so a capitalised variant is tried
    too; PostgreSQL would not need it.
    """
    variants = {word, word[:1].upper() + word[1:]}
    for ascii_form, umlaut in UMLAUT_SPELLINGS:
        for variant in list(variants):
            variants.add(variant.replace(ascii_form, umlaut))
    return variants


def kinds_matching(word):
    """Kinds whose official title or translated label contains the word."""
    lowered = word.casefold()
    return [
        kind
        for kind in CommitteeKind
        if lowered in OFFICIAL_TITLES[kind].casefold() or lowered in str(kind.label).casefold()
    ]


def text_query(words):
    """Q over municipality and district names and current or former committee names."""
    query = Q()
    for word in words:
        alternatives = Q()
        for variant in spellings(word):
            alternatives |= Q(municipality__name__icontains=variant)
            alternatives |= Q(municipality__district__name__icontains=variant)
        kinds = kinds_matching(word)
        if kinds:
            alternatives |= Q(
                Exists(
                    Committee.objects.filter(municipality=OuterRef("municipality"), kind__in=kinds)
                )
            )
        if word.casefold() in {"stadt", "gemeinde"}:
            alternatives |= Q(municipality__kind=word.casefold())
        if word.casefold() == "der":
            continue
        query &= alternatives
    return query


class CommitteeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Town, Kreis, or a current or former name of the committee"),
    )
    regierungsbezirk = django_filters.ChoiceFilter(
        field_name="municipality__regierungsbezirk",
        label=_("Regierungsbezirk"),
        choices=RegierungsBezirk.choices,
        empty_label=_("all"),
    )
    district = django_filters.ModelChoiceFilter(
        field_name="municipality__district",
        label=_("Kreis or district-free city"),
        queryset=District.objects.all(),
        to_field_name="key",
        empty_label=_("all"),
    )
    member = django_filters.ChoiceFilter(
        label=_("Membership in the Landesintegrationsrat"),
        method="filter_member",
        choices=[("yes", _("members")), ("no", _("not members"))],
        empty_label=_("all"),
    )

    class Meta:
        model = Committee
        fields = []

    def search(self, queryset, name, value):
        words = value.split()[:MAX_QUERY_WORDS]
        return queryset.filter(text_query(words)) if words else queryset

    def filter_member(self, queryset, name, value):
        return queryset.filter(is_member=(value == "yes"))

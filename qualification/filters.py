"""The seminar finder's filters; their state lives in the query string.

Without a start date the finder shows upcoming seminars only; with a
municipality "near me" (the one choice of a municipality) it sorts them by
distance instead of by date.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from helpers.widgets import ChoiceFilter, ModelChoiceFilter, NamedChoiceFilter
from municipalities.models import Municipality, RegierungsBezirk

from .models import Module, Seminar, SeminarFormat, Volkshochschule

# German dates (TT.MM.JJJJ) as people type them, and ISO dates as date pickers send them.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateField(forms.DateField):
    """Accepts German and ISO dates; shows a typed German date again as ISO for the picker."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str) and value:
            try:
                return self.to_python(value) or value
            except forms.ValidationError:
                return value
        return value


class FlexibleDateFilter(django_filters.DateFilter):
    field_class = DateField


class SeminarFilter(django_filters.FilterSet):
    near = NamedChoiceFilter(
        label=_("Near me: my municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        method="sort_by_distance",
        empty_label=_("– no sorting by distance –"),
        help_text=_("Sorts the seminars by distance from your municipality."),
    )
    module = ModelChoiceFilter(
        label=_("Module"),
        queryset=Module.objects.all(),
        to_field_name="slug",
        empty_label=_("all"),
    )
    regierungsbezirk = ChoiceFilter(
        field_name="vhs__municipality__regierungsbezirk",
        label=_("Regierungsbezirk"),
        choices=RegierungsBezirk.choices,
        empty_label=_("all"),
    )
    vhs = NamedChoiceFilter(
        label=_("Volkshochschule"),
        queryset=Volkshochschule.objects.all(),
        to_field_name="slug",
        empty_label=_("all"),
    )
    date_from = FlexibleDateFilter(label=_("From"), method="filter_from", widget=DateInput())
    date_to = FlexibleDateFilter(label=_("Until"), method="filter_to", widget=DateInput())
    format = ChoiceFilter(label=_("Format"), choices=SeminarFormat.choices, empty_label=_("all"))
    free_seats = django_filters.BooleanFilter(
        label=_("Only with free seats"),
        method="filter_free_seats",
        widget=forms.CheckboxInput,
    )

    # Shown at once; the others wait under "More filters" (seminar_list.html).
    main_filters = ("near", "module", "date_from", "date_to")

    class Meta:
        model = Seminar
        fields = []

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("date_from"):
            queryset = queryset.upcoming()
        return super().filter_queryset(queryset)

    @property
    def near_municipality(self):
        """The municipality the seminars are sorted by distance from, or None."""
        if not self.is_bound or self.form.errors.get("near"):
            return None
        return self.form.cleaned_data.get("near")

    def sort_by_distance(self, queryset, name, value):
        return queryset.nearest_to(value)

    def filter_from(self, queryset, name, value):
        return queryset.filter(ends_on__gte=value)

    def filter_to(self, queryset, name, value):
        return queryset.filter(starts_on__lte=value)

    def filter_free_seats(self, queryset, name, value):
        return queryset.with_free_seats() if value else queryset

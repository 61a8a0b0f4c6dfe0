"""Form fields and widgets for long lists of choices (396 municipalities, every VHS).

Django builds a model instance for each choice and renders each option
through the template engine; for these lists that was most of the time of a
page. Here the choices come from the database as (key, name) pairs and the
options are written in one pass. The HTML is the same.
"""

from html import escape

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """Django's Select, its options written here instead of one template pass each.

    Without option groups. Every value and name is escaped here (html.escape,
    as Django's escape does, without making each a SafeString).
    """

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        lines = [f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>']
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            mark = " selected" if option_value in selected else ""
            label = escape(str(label))
            lines.append(f'  <option value="{escape(option_value)}"{mark}>{label}</option>')
        lines.append("</select>")
        return mark_safe("\n".join(lines))  # noqa: S308  # nosec B308 B703: escaped above


class NamedChoiceIterator(ModelChoiceIterator):
    """(key, name) pairs read with values_list, for models whose str() is their `name`."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        key = self.field.to_field_name or "pk"
        yield from self.queryset.values_list(key, "name")


class NamedChoices:
    """For a model choice field: its choices read by NamedChoiceIterator, shown by LongSelect."""

    iterator = NamedChoiceIterator
    widget = LongSelect


class NamedChoiceField(NamedChoices, forms.ModelChoiceField):
    """A choice of a model instance by its name, from a long list."""


class NamedChoiceFilterField(NamedChoices, django_filters.fields.ModelChoiceField):
    pass


class LongSelectFilter:
    """For a django-filter choice filter: options written by LongSelect unless a widget is given."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", LongSelect)
        super().__init__(*args, **kwargs)


class ChoiceFilter(LongSelectFilter, django_filters.ChoiceFilter):
    pass


class ModelChoiceFilter(LongSelectFilter, django_filters.ModelChoiceFilter):
    pass


class NamedChoiceFilter(ModelChoiceFilter):
    """ModelChoiceFilter for a long list of named things."""

    field_class = NamedChoiceFilterField

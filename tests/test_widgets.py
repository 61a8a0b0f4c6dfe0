"""The choice from a long list: the same select as Django's, only faster."""

from html.parser import HTMLParser

import pytest
from django import forms

from helpers.widgets import LongSelect, NamedChoiceField
from municipalities.models import Municipality


class Select(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.select, self.options, self.current = None, [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self.select = dict(attrs)
        elif tag == "option":
            self.current = [dict(attrs), ""]
            self.options.append(self.current)

    def handle_data(self, data):
        if self.current is not None:
            self.current[1] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self.current = None


def town_form(data, field_class):
    class Choice(forms.Form):
        town = field_class(
            queryset=Municipality.objects.order_by("name"),
            to_field_name="slug",
            empty_label="– alle –",
        )

    form = Choice(data)
    form.is_valid()
    return form


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, chosen",
    [(None, ["– alle –"]), ({"town": "koeln"}, ["Köln"]), ({"town": "no-such-town"}, [])],
)
def test_the_same_options_attributes_and_choice_as_djangos_select(data, chosen):
    ours_form = town_form(data, NamedChoiceField)
    theirs_form = town_form(data, forms.ModelChoiceField)
    assert ours_form.errors == theirs_form.errors
    assert getattr(ours_form, "cleaned_data", None) == getattr(theirs_form, "cleaned_data", None)
    ours, theirs = Select(str(ours_form["town"])), Select(str(theirs_form["town"]))
    assert ours.select == theirs.select
    assert ours.options == theirs.options
    assert len(ours.options) == Municipality.objects.count() + 1
    assert [label for attrs, label in ours.options if "selected" in attrs] == chosen


def test_values_and_names_are_escaped():
    widget = LongSelect(choices=[('a"b', "<Ort & Co>")])
    html = widget.render("x", None, attrs={"id": "id_x"})
    assert '<option value="a&quot;b">&lt;Ort &amp; Co&gt;</option>' in html
    assert '<select name="x" id="id_x">' in html


def filter_sets():
    from committees.filters import CommitteeFilter, MunicipalityFilter
    from qualification.filters import SeminarFilter
    from statements.filters import PaperFilter, StatementFilter

    return [CommitteeFilter, MunicipalityFilter, SeminarFilter, PaperFilter, StatementFilter]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("index", range(5))
def test_every_filter_select_is_written_as_djangos_select_would(index, language):
    """Each select of the list filters, empty and with a choice made, as Django writes it."""
    from django.utils import translation

    filter_class = filter_sets()[index]
    with translation.override(language):
        selects = [
            name
            for name, field in filter_class().form.fields.items()
            if isinstance(field.widget, forms.Select)
        ]
        assert selects
        for name in selects:
            field = filter_class().form.fields[name]
            values = [str(value) for value, _label in field.choices if str(value)]
            for data in ({}, {name: values[-1]} if values else {}, {name: "no-such-value"}):
                form = filter_class(data).form
                bound = form[name]
                assert isinstance(bound.field.widget, LongSelect), name
                django_select = forms.Select(choices=bound.field.choices)
                ours = Select(str(bound))
                theirs = Select(bound.as_widget(widget=django_select))
                assert ours.select == theirs.select, name
                assert ours.options == theirs.options, name
                assert len(ours.options) == len(values) + 1

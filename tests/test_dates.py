"""Dates written once per day and language read as Django writes them, in every language."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from helpers.dates import local_date

DAYS = [datetime.date(2025, 11, 1), datetime.date(2026, 3, 7), datetime.date(1999, 12, 31)]


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
@pytest.mark.parametrize("value", DAYS)
@pytest.mark.parametrize("format_name", ["DATE_FORMAT", "SHORT_DATE_FORMAT"])
def test_a_day_reads_as_djangos_date_format(language, value, format_name):
    with translation.override(language):
        assert local_date(value, format_name) == date_format(value, format_name)


def test_the_same_day_follows_the_language_of_the_request():
    """A day already written in one language is not reused for another."""
    day = datetime.date(2026, 3, 7)
    written = {}
    for language in ["de", "en", "tr", "ar", "de"]:
        with translation.override(language):
            written[language] = local_date(day)
    assert written["de"] == "7. März 2026"
    assert written["en"] != written["de"]
    assert len(set(written.values())) == 4


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_day_tag_gives_the_iso_date_to_machines(language):
    template = Template("{% load portal %}{% day value %}")
    with translation.override(language):
        html = template.render(Context({"value": datetime.date(2026, 3, 7)}))
        assert (
            html == f'<time datetime="2026-03-07">{date_format(datetime.date(2026, 3, 7))}</time>'
        )

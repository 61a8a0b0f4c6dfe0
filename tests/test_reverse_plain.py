"""reverse_plain gives exactly what reverse() gives, in every language."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from helpers.urls import reverse_plain

CASES = [
    ("municipalities:detail", {"slug": "koeln"}),
    ("municipalities:detail", {"slug": "muelheim-an-der-ruhr"}),
    ("committees:detail_term", {"slug": "koeln", "term": "2025-2030"}),
    ("statements:hearing", {"slug": "ais", "date": "2024-03-01"}),
    ("statements:detail", {"slug": "zzslugzz"}),
    ("qualification:vhs_detail", {"slug": "vhs-koeln"}),
    ("qualification:seminar_detail", {"pk": 250}),
    # Numbers (<int:…>), as a number or as text.
    ("statements:paper", {"term": 18, "number": 1234}),
    ("statements:paper", {"term": "17", "number": "5"}),
    # Not a plain slug: handed to reverse(), which quotes it.
    ("statements:hearing", {"slug": "ais", "date": "1. März"}),
]


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
@pytest.mark.parametrize("name, kwargs", CASES)
def test_the_same_address_as_reverse(language, name, kwargs):
    with translation.override(language):
        assert reverse_plain(name, **kwargs) == reverse(name, kwargs=kwargs)
        assert reverse_plain(name, **kwargs).startswith(f"/{language}/")


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
@pytest.mark.parametrize("name, kwargs", CASES)
def test_an_address_in_another_language_leaves_the_current_one(language, name, kwargs):
    """The language switcher asks for each page in all four languages."""
    with translation.override(language):
        expected = reverse(name, kwargs=kwargs)
    with translation.override("ar" if language == "de" else "de"):
        current = translation.get_language()
        assert reverse_plain(name, language, **kwargs) == expected
        assert translation.get_language() == current


def test_a_value_a_number_pattern_cannot_take_fails_as_in_reverse():
    reverse_plain("statements:paper", term=18, number=1)
    with pytest.raises(NoReverseMatch):
        reverse_plain("statements:paper", term=18, number="eins")

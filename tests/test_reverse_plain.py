"""reverse_plain gives exactly what reverse() gives, in every language."""

import pytest
from django.urls import reverse
from django.utils import translation

from helpers.urls import reverse_plain

CASES = [
    ("municipalities:detail", {"slug": "koeln"}),
    ("municipalities:detail", {"slug": "muelheim-an-der-ruhr"}),
    ("committees:detail_term", {"slug": "koeln", "term": "2025-2030"}),
    ("statements:hearing", {"slug": "ais", "date": "2024-03-01"}),
    ("statements:detail", {"slug": "zzslugzz"}),
    # Not a plain slug: handed to reverse(), which quotes it.
    ("statements:hearing", {"slug": "ais", "date": "1. März"}),
]


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
@pytest.mark.parametrize("name, kwargs", CASES)
def test_the_same_address_as_reverse(language, name, kwargs):
    with translation.override(language):
        assert reverse_plain(name, **kwargs) == reverse(name, kwargs=kwargs)
        assert reverse_plain(name, **kwargs).startswith(f"/{language}/")

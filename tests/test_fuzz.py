"""Garbage against every public URL pattern and every filter field, in all four languages.

Bounded: a fixed sweep of hostile values over every pattern, then a few
hundred examples drawn by hypothesis. Any 5xx fails (the test client raises
the server's exception), and every answer must carry the CSP.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committees.filters import CommitteeFilter, MunicipalityFilter
from qualification.filters import SeminarFilter
from statements.filters import PaperFilter, StatementFilter

from .public_urls import POSTING, public_patterns

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en", "tr", "ar"]
PATTERNS = public_patterns()
# The query-string fields each list page reads: its FilterSet's filters and the page number.
QUERY_FIELDS = {
    "committees:index": [*CommitteeFilter.base_filters, "page"],
    "municipalities:index": [*MunicipalityFilter.base_filters, "page"],
    "statements:index": [*StatementFilter.base_filters, "page"],
    "statements:paper_index": [*PaperFilter.base_filters, "page"],
    "qualification:seminar_list": [*SeminarFilter.base_filters, "page"],
    "search": ["q", "page"],
    "home": ["q"],
}
HOSTILE = [
    "",
    "0",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2025-02-30",
    "'; DROP TABLE x; --",
    '"><script>alert(1)</script>',
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "\u202eevil",
    "١٢٣",
    "İı",
    "x" * 3000,
    "[]",
    "{}",
]
garbage = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60))


def url_for(pattern, values, language):
    kwargs = {name: values[name] for name in pattern.converters}
    with translation.override(language):
        return reverse(pattern.name, kwargs=kwargs)


def check(response, url):
    assert response.status_code < 500, url
    assert "Content-Security-Policy" in response, url


def test_every_filter_list_is_a_real_public_pattern():
    names = {pattern.name for pattern in PATTERNS}
    assert set(QUERY_FIELDS) <= names


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_values_in_every_pattern_and_filter_field(client, language):
    """Each hostile value in every filter field and free path segment, in one of the languages
    (a quarter of the values per language, so all of them are sent and the run stays short)."""
    share = HOSTILE[LANGUAGES.index(language) :: len(LANGUAGES)]
    for pattern in PATTERNS:
        free = [name for name, c in pattern.converters.items() if c.regex == "[^/]+"]
        fields = QUERY_FIELDS.get(pattern.name)
        for value in share if free or fields else share[:1]:
            values = dict.fromkeys(pattern.converters, "1")
            if value and "/" not in value:
                values.update(dict.fromkeys(free, value))
            url = url_for(pattern, values, language)
            query = dict.fromkeys(fields or ["q"], value)
            if pattern.name in POSTING:
                check(
                    client.post(url, dict.fromkeys(["kind", "participants", "email"], value)), url
                )
            if pattern.name not in {"qualification:confirm", "qualification:cancel"}:
                check(client.get(url, query), url)


@st.composite
def requests(draw):
    pattern = draw(st.sampled_from(PATTERNS))
    values = {
        name: draw(st.from_regex(converter.regex, fullmatch=True).filter(lambda v: len(v) < 80))
        for name, converter in pattern.converters.items()
    }
    fields = QUERY_FIELDS.get(pattern.name, ["q"])
    query = draw(st.dictionaries(st.sampled_from(fields), garbage, max_size=len(fields)))
    return pattern, values, query


@pytest.mark.parametrize("language", LANGUAGES)
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(request=requests())
def test_drawn_garbage_never_breaks_a_page(client, language, request):
    pattern, values, query = request
    url = url_for(pattern, values, language)
    if pattern.name in POSTING:
        check(client.post(url, query), url)
    if pattern.name not in {"qualification:confirm", "qualification:cancel"}:
        check(client.get(url, query), url)

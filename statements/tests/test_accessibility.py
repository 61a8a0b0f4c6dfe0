"""WCAG 2.1 A/AA checks (axe-core, vendored in tests/vendor) on the statement pages."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "stellungnahmen/",
    "stellungnahmen/?topic=gibt-es-nicht",
    "stellungnahmen/?page=9",
    "stellungnahmen/qualifizierung-migrantenselbstorganisationen/",
    "stellungnahmen/drucksachen/",
    "stellungnahmen/drucksachen/17-1356/",
    "stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/",
    "stellungnahmen/themen/politische-teilhabe/",
    "stellungnahmen/suche/?q=Integrationsrat",
    "stellungnahmen/suche/?q=" + "x" * 300,
]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_statement_pages_have_no_wcag_violations(
    wcag_violations, live_server, portal_data, language
):
    found = {}
    for page in PAGES:
        result = wcag_violations(f"{live_server.url}/{language}/{page}")
        if result:
            found[page] = result
    assert found == {}


def test_statement_pages_work_on_a_phone(width_on_a_phone, live_server, portal_data):
    for page in PAGES[:9]:
        width = width_on_a_phone(f"{live_server.url}/de/{page}")
        assert width <= width_on_a_phone.limit, f"{page} scrolls sideways ({width}px)"

"""WCAG 2.1 A/AA checks (axe-core, vendored in tests/vendor) on the statement pages."""

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(settings.BASE_DIR) / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
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
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(result => done(result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
  .catch(error => done([{id: 'axe-error', help: String(error)}]));
"""


@pytest.mark.parametrize("language", ["de", "ar"])
def test_statement_pages_have_no_wcag_violations(browser, live_server, portal_data, language):
    browser.set_script_timeout(30)
    found = {}
    for page in PAGES:
        browser.get(f"{live_server.url}/{language}/{page}")
        browser.execute_script(AXE)
        result = browser.execute_async_script(RUN_AXE)
        if result:
            found[page] = result
    assert found == {}


def test_statement_pages_work_on_a_phone(browser, live_server, portal_data):
    browser.set_window_size(375, 800)
    for page in PAGES[:9]:
        browser.get(f"{live_server.url}/de/{page}")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 375, f"{page} scrolls sideways ({width}px)"

"""WCAG 2.1 A/AA checks with axe-core in headless Chromium, in German and Arabic."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PAGES = [
    "",
    "ausschuesse/",
    "ausschuesse/?regierungsbezirk=9&member=no",
    "ausschuesse/koeln/",
    "kommunen/",
    "kommunen/haan/",
    "karte/",
    "statistik/",
    "stellungnahmen/themen/flucht/",
    "gibt-es-nicht/",
]
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(result => done(result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
  .catch(error => done([{id: 'axe-error', help: String(error)}]));
"""


def violations(browser, url):
    browser.get(url)
    browser.execute_script(AXE)
    browser.set_script_timeout(30)
    return browser.execute_async_script(RUN_AXE)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_pages_have_no_wcag_violations(browser, live_server, portal_data, language):
    found = {}
    for page in PAGES:
        result = violations(browser, f"{live_server.url}/{language}/{page}")
        if result:
            found[page] = result
    assert found == {}


def test_pages_work_on_a_phone(browser, live_server, portal_data):
    browser.set_window_size(375, 800)
    for page in ("", "ausschuesse/", "ausschuesse/koeln/", "statistik/", "karte/"):
        browser.get(f"{live_server.url}/de/{page}")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 375, f"{page} scrolls sideways ({width}px)"

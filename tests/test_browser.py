"""A visitor in a real browser: headless Chromium against a live server."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_filters_the_index_opens_a_committee_and_switches_to_arabic(
    browser, wait_for_page, live_server, portal_data, source_counts
):
    from committees.tests.factories import make_earlier_committee
    from municipalities.models import Municipality

    # An earlier body as the office could enter it from a source.
    make_earlier_committee(Municipality.objects.get(slug="hiddenhausen"))
    browser.get(f"{live_server.url}/de/ausschuesse/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ausschüsse A–Z"
    total = browser.find_element(By.CLASS_NAME, "result-count").text
    committees = source_counts["current_committees"]
    assert total.startswith(f"{committees} ")

    # Filter by Regierungsbezirk Detmold and a search word, without JavaScript.
    Select(browser.find_element(By.ID, "id_regierungsbezirk")).select_by_visible_text("Detmold")
    search = browser.find_element(By.ID, "id_q")
    search.send_keys("Herford")
    browser.find_element(By.CSS_SELECTOR, ".filter-form button[type=submit]").click()
    wait_for_page("regierungsbezirk=7")
    assert browser.find_element(By.CLASS_NAME, "result-count").text.startswith(
        f"3 von {committees}"
    )
    names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".entry-list li > a")]
    assert names == ["Herford", "Hiddenhausen", "Löhne"]

    # Follow a committee.
    browser.find_element(By.LINK_TEXT, "Hiddenhausen").click()
    wait_for_page("/ausschuesse/hiddenhausen/")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading == "Ausschuss für Chancengerechtigkeit und Integration der Gemeinde Hiddenhausen"
    assert "Integrationsrat der Gemeinde Hiddenhausen" in browser.page_source

    # Switch to Arabic: same page, right to left.
    browser.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="ar"]').click()
    wait_for_page("/ar/ausschuesse/hiddenhausen/")
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert browser.find_element(By.TAG_NAME, "h1").text == heading  # official names stay German
    # The layout is mirrored: the brand sits on the right in RTL.
    brand = browser.find_element(By.CLASS_NAME, "brand").rect
    assert brand["x"] > browser.get_window_size()["width"] / 2


def test_keyboard_users_reach_the_content_with_the_skip_link(browser, live_server, portal_data):
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{live_server.url}/en/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Skip to content"
    # The focused link is visible (moved into view) and outlined.
    assert active.rect["y"] >= 0
    assert active.value_of_css_property("outline-style") != "none"


def test_pages_are_styled_by_the_served_stylesheet(browser, live_server, portal_data):
    browser.get(f"{live_server.url}/de/")
    margin = browser.execute_script("return getComputedStyle(document.body).margin")
    header = browser.find_element(By.CLASS_NAME, "site-header")
    assert margin == "0px"  # the stylesheet loaded (browsers default to 8px)
    assert header.value_of_css_property("background-color") == "rgba(0, 90, 112, 1)"

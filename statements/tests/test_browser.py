"""A journalist in a real browser: search, open a statement, follow its paper."""

import pytest
from selenium.webdriver.common.by import By

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_open_a_statement_and_follow_its_paper(
    browser, wait_for_page, live_server, portal_data
):
    browser.get(f"{live_server.url}/de/stellungnahmen/")
    field = browser.find_element(By.CSS_SELECTOR, "form.search-form input[type=search]")
    field.send_keys("Selbstorganisationen")
    browser.find_element(By.CSS_SELECTOR, "form.search-form button[type=submit]").click()
    wait_for_page("/de/stellungnahmen/suche/?q=Selbstorganisationen")

    group = browser.find_element(By.ID, "group-statements")
    assert group.text.startswith("Stellungnahmen")
    marks = browser.find_elements(By.CSS_SELECTOR, "#main .snippet mark")
    assert marks and marks[0].text == "Migrantenselbstorganisationen"

    browser.find_element(By.PARTIAL_LINK_TEXT, "Stellungnahme zum Antrag").click()
    wait_for_page("/de/stellungnahmen/qualifizierung-migrantenselbstorganisationen/")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Stellungnahme zum Antrag")
    citation = browser.find_element(By.CSS_SELECTOR, ".citation p").text
    assert citation.endswith("/de/stellungnahmen/qualifizierung-migrantenselbstorganisationen/")

    browser.find_element(By.CSS_SELECTOR, ".facts a[href$='/drucksachen/17-2157/']").click()
    wait_for_page("/de/stellungnahmen/drucksachen/17-2157/")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert "17/2157" in heading and "Migrantenselbstorganisationen" in heading
    archive = browser.find_element(By.CSS_SELECTOR, "a[rel=external]")
    assert archive.get_attribute("href").endswith("/MMD17-2157.pdf")


def test_typing_a_reference_opens_the_paper(browser, wait_for_page, live_server, portal_data):
    browser.get(f"{live_server.url}/en/stellungnahmen/suche/")
    field = browser.find_element(By.ID, "id_q")
    field.send_keys("Drs. 17/1356")
    browser.find_element(By.CSS_SELECTOR, "form.search-form button[type=submit]").click()
    wait_for_page("/en/stellungnahmen/drucksachen/17-1356/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#main a")]
    assert any(href.endswith("/en/stellungnahmen/drucksachen/17-1287/") for href in links)

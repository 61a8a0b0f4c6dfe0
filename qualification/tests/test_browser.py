"""A committee member finds the nearest seminar in headless Chromium and registers."""

import re

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from municipalities.models import Municipality

from .factories import delivered_mails, make_seminar, make_vhs

pytestmark = pytest.mark.browser


def test_finding_a_seminar_near_my_town_and_registering(
    browser, wait_for_page, live_server, portal_data
):
    home = Municipality.objects.get(ags="05334002")  # Aachen
    near = make_seminar(vhs=make_vhs(home, name="VHS Nah"))
    make_seminar(vhs=make_vhs(Municipality.objects.get(ags="05711000"), name="VHS Fern"))

    browser.get(f"{live_server.url}/de/qualifizierung/seminare/")
    Select(browser.find_element(By.ID, "id_near")).select_by_value(home.slug)
    browser.find_element(By.CSS_SELECTOR, ".filter-form button[type=submit]").click()
    wait_for_page("near=")
    first = browser.find_element(By.CSS_SELECTOR, ".seminar-results li")
    assert "VHS Nah" in first.text
    assert "km" in first.text
    first.find_element(By.CSS_SELECTOR, "a").click()
    WebDriverWait(browser, 10).until(lambda driver: f"/seminare/{near.pk}/" in driver.current_url)

    assert "VHS Nah" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.ID, "id_kind_1").click()  # a group
    browser.find_element(By.ID, "id_contact_name").send_keys("Deniz Beispiel")
    browser.find_element(By.ID, "id_email").send_keys("deniz@example.org")
    participants = browser.find_element(By.ID, "id_participants")
    participants.clear()
    participants.send_keys("3")
    Select(browser.find_element(By.ID, "id_municipality")).select_by_value(home.slug)
    Select(browser.find_element(By.ID, "id_membership")).select_by_value("both")
    browser.find_element(By.ID, "id_consent").click()
    browser.find_element(By.CSS_SELECTOR, ".registration-form button[type=submit]").click()

    WebDriverWait(browser, 10).until(lambda driver: "/angemeldet/" in driver.current_url)
    assert len(delivered_mails()) == 1
    path = re.search(r"https?://[^/\s]+(/\S+/anmeldung/[\w-]+/)", delivered_mails()[0].body).group(
        1
    )
    browser.get(live_server.url + path)
    status = browser.find_element(By.CSS_SELECTOR, ".registration-status")
    assert status.get_attribute("data-status") == "pending"
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    # Confirming reloads the same address. Elements found while the old page
    # is being replaced go stale, so ask whatever page is current, and let the
    # wait (which fails after 10 s) ride over errors during the reload.
    WebDriverWait(browser, 10, ignored_exceptions=[WebDriverException]).until(
        lambda driver: (
            driver.execute_script(
                "const s = document.querySelector('.registration-status');"
                "return document.readyState === 'complete' && s && s.dataset.status;"
            )
            == "confirmed"
        )
    )
    near.refresh_from_db()
    assert near.seats_left == near.capacity - 3

"""A committee member finds the nearest seminar on a phone in headless Chromium and
registers a group of three; every tap, choice and typed field is counted."""

import re

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from committees.models import Committee
from committees.tests.factories import make_committee
from municipalities.models import Municipality
from qualification.models import Registration

from .factories import delivered_mails, make_seminar, make_vhs

pytestmark = pytest.mark.browser

PHONE = (390, 844)


class Counted:
    """Acts like a user and counts the interactions: taps, choices in a list, typed fields."""

    def __init__(self, browser):
        self.browser = browser
        self.count = 0

    def tap(self, element):
        self.count += 1
        element.click()

    def choose(self, element_id, value):
        self.count += 1
        Select(self.browser.find_element(By.ID, element_id)).select_by_value(value)

    def type(self, element_id, text, clear=False):
        self.count += 1
        field = self.browser.find_element(By.ID, element_id)
        if clear:
            field.clear()
        field.send_keys(text)


def in_first_screen(browser, element):
    top = element.rect["y"] - browser.execute_script("return window.scrollY")
    return top >= 0 and top + element.rect["height"] <= PHONE[1]


def status_is(browser, expected):
    # After a redirect, elements found while the old page goes away go stale: ask the
    # current page each time, and let the wait (10 s) ride over errors in between.
    WebDriverWait(browser, 10, ignored_exceptions=[WebDriverException]).until(
        lambda driver: (
            driver.execute_script(
                "const s = document.querySelector('.registration-status');"
                "return document.readyState === 'complete' && s && s.dataset.status;"
            )
            == expected
        )
    )


def test_on_a_phone_a_member_finds_the_nearest_seminar_and_registers_a_group_of_three(
    browser, wait_for_page, live_server, portal_data
):
    home = Municipality.objects.get(name="Hiddenhausen")
    if not Committee.objects.current().filter(municipality=home).exists():
        make_committee(municipality=home)
    near = make_seminar(vhs=make_vhs(home, name="VHS Nah"), venue="")
    make_seminar(vhs=make_vhs(Municipality.objects.get(ags="05315000"), name="VHS Fern"))
    browser.set_window_size(*PHONE)
    user = Counted(browser)

    browser.get(f"{live_server.url}/de/qualifizierung/seminare/")
    # On a phone the count and the first seminar are on the first screen; the
    # four main filters are there, the others folded away.
    assert in_first_screen(browser, browser.find_element(By.CLASS_NAME, "result-count"))
    assert in_first_screen(browser, browser.find_element(By.CSS_SELECTOR, ".seminar-results li"))
    assert browser.find_element(By.ID, "id_near").is_displayed()
    assert browser.find_element(By.ID, "id_date_from").is_displayed()
    assert not browser.find_element(By.ID, "id_format").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, ".more-filters summary").text == "Weitere Filter"

    user.choose("id_near", home.slug)
    user.tap(browser.find_element(By.CSS_SELECTOR, ".filter-form button[type=submit]"))
    wait_for_page("near=")
    first = browser.find_element(By.CSS_SELECTOR, ".seminar-results li")
    assert "VHS Nah" in first.text and "km" in first.text
    assert in_first_screen(browser, first)
    user.tap(first.find_element(By.CSS_SELECTOR, "a"))
    wait_for_page(f"/seminare/{near.pk}/")
    finding = user.count

    assert "VHS Nah" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.CSS_SELECTOR, "dd.venue").text == "wird bekanntgegeben"
    user.tap(browser.find_element(By.LINK_TEXT, "Zur Anmeldung"))
    user.type("id_contact_name", "Deniz Beispiel")
    user.type("id_email", "deniz@example.org")
    user.type("id_participants", "3", clear=True)
    # The municipality chosen in the finder is already selected.
    chosen = Select(browser.find_element(By.ID, "id_municipality")).first_selected_option
    assert chosen.get_attribute("value") == home.slug
    user.choose("id_membership", "both")
    user.tap(browser.find_element(By.ID, "id_consent"))
    user.tap(browser.find_element(By.CSS_SELECTOR, ".registration-form button[type=submit]"))
    wait_for_page("/angemeldet/")
    notice = browser.find_element(By.CLASS_NAME, "success-notice")
    assert "deniz@example.org" in notice.text
    assert notice.value_of_css_property("background-color") == "rgba(230, 244, 234, 1)"

    assert len(delivered_mails()) == 1
    path = re.search(r"https?://[^/\s]+(/\S+/anmeldung/[\w-]+/)", delivered_mails()[0].body).group(
        1
    )
    user.count += 1  # opening the link in the mail
    browser.get(live_server.url + path)
    status_is(browser, "pending")
    user.tap(browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    status_is(browser, "confirmed")
    registering = user.count - finding
    # Confirming redirected to the registration page: reloading sends nothing again.
    assert browser.current_url == live_server.url + path
    browser.refresh()
    status_is(browser, "confirmed")
    assert len(delivered_mails()) == 2
    near.refresh_from_db()
    assert near.seats_left == near.capacity - 3
    assert Registration.objects.get().kind == "group"
    assert (finding, registering) == (3, 9)

    # Cancelling asks first.
    browser.find_element(By.PARTIAL_LINK_TEXT, "stornieren").click()
    wait_for_page("/abmelden/")
    assert "Warteliste" in browser.find_element(By.TAG_NAME, "main").text
    near.refresh_from_db()
    assert near.seats_left == near.capacity - 3
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    status_is(browser, "cancelled")
    near.refresh_from_db()
    assert near.seats_left == near.capacity

"""The main tasks by keyboard alone, and the error summary, in Chromium (German and Arabic).

No test here clicks: focus moves with Tab (and Shift+Tab), links and buttons
are used with Enter, choices with the arrow keys, Space and typing.
"""

import re

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

from committees.models import Term
from committees.tests.factories import make_committee
from municipalities.tests.factories import make_municipality
from qualification.models import Registration
from qualification.tests.factories import delivered_mails, make_seminar, make_vhs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE_ERROR = {"de": "Fehler: ", "ar": "خطأ: "}


def press(browser, *keys):
    ActionChains(browser).send_keys(*keys).perform()


def focused(browser):
    return browser.switch_to.active_element


def tab_to(browser, matches, limit=120):
    """Press Tab until the focused element satisfies `matches`; fail after `limit` presses."""
    for _ in range(limit):
        press(browser, Keys.TAB)
        element = focused(browser)
        if matches(element):
            return element
    raise AssertionError("the element was not reached with the Tab key")


def by_href(fragment):
    return lambda element: fragment in (element.get_attribute("href") or "")


def by_id(identifier):
    return lambda element: element.get_attribute("id") == identifier


def submit_button(element):
    return element.tag_name == "button" and element.get_attribute("type") == "submit"


def wait_for(browser, condition):
    WebDriverWait(browser, 15, ignored_exceptions=[WebDriverException]).until(
        lambda driver: (
            driver.execute_script("return document.readyState") == "complete" and condition(driver)
        )
    )


def registration_status(browser):
    statuses = browser.find_elements(By.CSS_SELECTOR, ".registration-status")
    return statuses[0].get_attribute("data-status") if statuses else None


def press_button_in_main(browser):
    """Tab to the first submit button in the main content, press Enter, wait for the new page."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    tab_to(
        browser,
        lambda element: (
            submit_button(element) and bool(element.find_elements(By.XPATH, "ancestor::main"))
        ),
    )
    press(browser, Keys.ENTER)
    # While the old page goes, Chromium may answer with a generic error about
    # the node instead of "stale element"; the wait asks again until stale.
    WebDriverWait(browser, 15, ignored_exceptions=[WebDriverException]).until(staleness_of(page))
    wait_for(browser, lambda driver: True)


@pytest.fixture
def town(portal_data):
    """A municipality with a committee in the current term and a seminar nearby."""
    municipality = make_municipality(name="Tastenheim")
    make_committee(municipality, term=Term.objects.current())
    seminar = make_seminar(vhs=make_vhs(municipality, name="VHS Tastenheim"), capacity=10)
    return municipality, seminar


@pytest.mark.parametrize("language", ["de", "ar"])
def test_finding_a_towns_committee_by_keyboard(browser, live_server, town, language):
    municipality, _ = town
    browser.get(f"{live_server.url}/{language}/")
    tab_to(browser, by_href(f"/{language}/kommunen/"))
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: "/kommunen/" in driver.current_url)
    tab_to(browser, by_id("id_q"))
    press(browser, "Tastenheim", Keys.ENTER)
    wait_for(browser, lambda driver: "q=Tastenheim" in driver.current_url)
    tab_to(browser, by_href(municipality.get_absolute_url()[3:]))
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: municipality.slug in driver.current_url)
    tab_to(browser, by_href(f"/ausschuesse/{municipality.slug}/"))
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: f"/ausschuesse/{municipality.slug}/" in driver.current_url)
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading.endswith("Tastenheim") and heading.startswith("Ausschuss")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_searching_a_landtag_paper_by_keyboard(browser, live_server, portal_data, language):
    browser.get(f"{live_server.url}/{language}/")
    tab_to(browser, by_id("home-search"))
    press(browser, "Drs. 17/1356", Keys.ENTER)
    wait_for(browser, lambda driver: "/drucksachen/17-1356/" in driver.current_url)
    assert "17/1356" in browser.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize("language", ["de", "ar"])
def test_registering_a_group_and_cancelling_by_keyboard(browser, live_server, town, language):
    municipality, seminar = town
    browser.get(f"{live_server.url}/{language}/qualifizierung/seminare/")
    tab_to(browser, by_id("id_near"))
    press(browser, "Tastenheim")  # type-ahead in the select
    assert focused(browser).get_attribute("value") == municipality.slug
    tab_to(browser, submit_button)
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: "near=" in driver.current_url)
    tab_to(browser, by_href(seminar.get_absolute_url()[3:]))
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: f"/seminare/{seminar.pk}/" in driver.current_url)

    # The form: the fields in order; three people make a group.
    tab_to(browser, by_id("id_contact_name"))
    press(browser, "Deniz Beispiel", Keys.TAB, "deniz@example.org", Keys.TAB)
    assert focused(browser).get_attribute("id") == "id_phone"
    tab_to(browser, by_id("id_participants"))
    press(browser, Keys.CONTROL, "a", Keys.NULL, "3")
    tab_to(browser, by_id("id_municipality"))
    press(browser, "Tastenheim")
    tab_to(browser, by_id("id_membership"))
    press(browser, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN)  # both
    tab_to(browser, by_id("id_consent"))
    press(browser, Keys.SPACE)
    tab_to(browser, submit_button)
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: "/angemeldet/" in driver.current_url)

    registration = Registration.objects.get(seminar=seminar)
    assert registration.participants == 3 and registration.membership == "both"
    # The link from the mail, then confirm and cancel with the keyboard.
    body = delivered_mails()[-1].body
    path = re.search(r"https?://[^/\s]+(/\S+/anmeldung/[\w-]+/)", body).group(1)
    browser.get(live_server.url + path)
    press_button_in_main(browser)
    assert registration_status(browser) == "confirmed"
    # Cancelling asks first: the link leads to a page that says what happens, with the button.
    tab_to(browser, by_href(path + "abmelden/"))
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: "/abmelden/" in driver.current_url)
    press_button_in_main(browser)
    assert registration_status(browser) == "cancelled"
    registration.refresh_from_db()
    assert registration.status == "cancelled"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_error_summary_takes_the_focus_and_leads_to_the_field(
    browser, live_server, town, language
):
    _, seminar = town
    browser.get(f"{live_server.url}/{language}{seminar.get_absolute_url()[3:]}")
    title = browser.title
    tab_to(browser, submit_button)
    press(browser, Keys.ENTER)
    wait_for(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, ".error-summary"))

    assert browser.title == TITLE_ERROR[language] + title
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert focused(browser) == summary
    assert summary.rect["y"] < browser.execute_script("return window.innerHeight")  # in view
    links = summary.find_elements(By.CSS_SELECTOR, "a")
    targets = [link.get_attribute("hash") for link in links]
    assert "#id_contact_name" in targets and "#id_consent" in targets
    # Each error is at its field too.
    for target in targets:
        field = browser.find_element(By.ID, target[1:])
        assert field.find_elements(By.XPATH, "ancestor::*[contains(@class, 'has-error')]")

    # Tab into the summary, follow the link to the e-mail field: the focus is in the field.
    tab_to(browser, lambda element: element.get_attribute("hash") == "#id_email")
    press(browser, Keys.ENTER)
    assert focused(browser).get_attribute("id") == "id_email"
    press(browser, "a@example.org")
    assert browser.find_element(By.ID, "id_email").get_attribute("value") == "a@example.org"


def test_a_filter_that_cannot_be_used_is_summarised_too(browser, live_server, portal_data):
    browser.get(f"{live_server.url}/de/kommunen/?q={'x' * 300}")
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert browser.title.startswith("Fehler: ")
    assert focused(browser) == summary
    assert summary.find_element(By.CSS_SELECTOR, "a").get_attribute("hash") == "#id_q"

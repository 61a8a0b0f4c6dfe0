"""Pages in headless Chromium, on a phone and on a desktop screen (issue 13)."""

import pytest
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.webdriver.common.by import By

from committees.models import Committee
from conftest import STAFF_PASSWORD, current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = (375, 800)


def type_login(browser):
    """An office login as a person does it: password and the code of the authenticator app."""
    user = User.objects.create_superuser("buero", "buero@example.org", STAFF_PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    browser.find_element(By.ID, "id_username").send_keys("buero")
    browser.find_element(By.ID, "id_password").send_keys(STAFF_PASSWORD)
    browser.find_element(By.ID, "id_otp_token").send_keys(current_code(device))
    browser.find_element(By.CSS_SELECTOR, "#login-form [type=submit]").click()


def test_on_a_phone_chart_labels_and_map_targets_are_large_enough(
    browser, live_server, portal_data
):
    browser.set_window_size(*PHONE)
    browser.get(f"{live_server.url}/de/statistik/")
    label_heights = browser.execute_script(
        "return [...document.querySelectorAll('.bar-label')]"
        ".map(t => t.getBoundingClientRect().height)"
    )
    assert label_heights and min(label_heights) >= 12  # was about 7 px
    heading = browser.find_element(By.CSS_SELECTOR, ".chart-title")
    chart = browser.find_element(By.CSS_SELECTOR, ".chart svg")
    assert heading.rect["y"] < chart.rect["y"]

    browser.get(f"{live_server.url}/de/karte/")
    targets = browser.execute_script(
        "return [...document.querySelectorAll('.map-point .hit')]"
        ".map(c => c.getBoundingClientRect().width)"
    )
    assert len(targets) == Committee.objects.current().count()
    assert min(targets) >= 24  # a finger, not a 5 px dot
    names = browser.find_elements(By.CSS_SELECTOR, ".map-label")
    assert names and min(name.rect["height"] for name in names) >= 11
    assert browser.find_element(By.ID, "map-list-title").is_displayed()


def test_the_term_table_shows_that_it_scrolls_and_the_menu_marks_the_section(
    browser, live_server, portal_data
):
    browser.set_window_size(*PHONE)
    browser.get(f"{live_server.url}/de/ausschuesse/hiddenhausen/")
    box = browser.find_element(By.CSS_SELECTOR, ".table-scroll.scroll-cue")
    assert "gradient" in box.value_of_css_property("background-image")
    assert box.get_attribute("tabindex") == "0"
    current = browser.find_element(By.CSS_SELECTOR, ".main-nav a[aria-current]")
    assert current.text == "Ausschüsse"
    assert current.value_of_css_property("box-shadow") != "none"


def test_on_a_short_page_the_footer_sits_at_the_bottom(browser, live_server, portal_data):
    browser.get(f"{live_server.url}/de/gibt-es-nicht/")
    footer = browser.find_element(By.CLASS_NAME, "site-footer").rect
    height = browser.execute_script("return window.innerHeight")
    assert abs(footer["y"] + footer["height"] - height) <= 1
    assert browser.find_element(By.CSS_SELECTOR, "main form[role=search] input[name=q]")


def test_the_admin_loads_nothing_from_another_host_and_names_each_language(
    browser, wait_for_page, live_server, portal_data
):
    browser.get(f"{live_server.url}/admin/login/?next=/admin/statements/statement/add/")
    type_login(browser)
    wait_for_page("/admin/statements/statement/add/")
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name)"
    )
    assert resources and all(name.startswith(live_server.url) for name in resources)
    labels = [label.text for label in browser.find_elements(By.CSS_SELECTOR, "label")]
    title = next(label for label in labels if label.endswith(" [de]:"))[: -len(" [de]:")]
    for code in ("en", "tr", "ar"):
        assert f"{title} [{code}]:" in labels
    errors = [
        entry
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
    ]
    assert errors == []


class Counted:
    """Acts in the browser and counts the interactions: clicks, typed fields, choices."""

    def __init__(self, browser):
        self.browser = browser
        self.count = 0

    def click(self, css):
        self.count += 1
        self.browser.find_element(By.CSS_SELECTOR, css).click()

    def type(self, css, text):
        self.count += 1
        self.browser.find_element(By.CSS_SELECTOR, css).send_keys(text)

    def choose(self, css, value):
        from selenium.webdriver.support.ui import Select

        self.count += 1
        Select(self.browser.find_element(By.CSS_SELECTOR, css)).select_by_value(value)

    def autocomplete(self, container_css, text):
        """Django's autocomplete: open it, type, take the first match (three interactions)."""
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait

        self.click(f"{container_css} .select2-selection")
        self.type(".select2-container--open .select2-search__field", text)
        WebDriverWait(self.browser, 10).until(
            lambda driver: (
                text
                in driver.execute_script(
                    "const o = document.querySelector('.select2-results__option--highlighted');"
                    "return o ? o.textContent : '';"
                )
            )
        )
        self.count += 1
        self.browser.switch_to.active_element.send_keys(Keys.ENTER)


def saved(browser):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 15).until(
        lambda driver: (
            driver.find_elements(By.CSS_SELECTOR, ".messagelist .success")
            or driver.find_elements(By.CSS_SELECTOR, ".errornote")
        )
    )
    assert not browser.find_elements(By.CSS_SELECTOR, ".errornote"), browser.find_element(
        By.ID, "content"
    ).text[:1500]


def log_in(browser, live_server, wait_for_page):
    browser.get(f"{live_server.url}/admin/")
    type_login(browser)
    wait_for_page("/admin/")


def test_the_office_adds_a_committee_and_publishes_a_statement_in_few_steps(
    browser, wait_for_page, live_server, portal_data
):
    from municipalities.models import Municipality
    from statements.models import Statement

    log_in(browser, live_server, wait_for_page)
    town = Municipality.objects.get(slug="haan")
    Committee.objects.filter(municipality=town).delete()

    user = Counted(browser)
    user.click("a[href='/admin/committees/committee/add/']")
    wait_for_page("/admin/committees/committee/add/")
    user.autocomplete(".field-municipality", "Haan")
    # Term and kind are already those of the running term.
    user.click("input[name=_save]")
    saved(browser)
    committee = Committee.objects.current().get(municipality=town)
    assert committee.kind == committee.term.allowed_kinds[-1]
    adding_a_committee = user.count

    user = Counted(browser)
    browser.get(f"{live_server.url}/admin/")
    user.click("a[href='/admin/statements/statement/add/']")
    wait_for_page("/admin/statements/statement/add/")
    user.type("#id_title_de", "Stellungnahme zur Teilhabe")
    user.type("#id_summary_de", "Wir begrüßen den Antrag.")
    user.type("#id_body", "Erster Absatz.\n\nZweiter Absatz:\n\n- ein Punkt\n- noch einer")
    user.autocomplete(".field-papers", "17/2157")
    user.choose("#id_status", "published")
    start = browser.current_window_handle
    user.click("button[formaction$='/vorschau/']")
    preview = next(handle for handle in browser.window_handles if handle != start)
    browser.switch_to.window(preview)
    assert browser.find_elements(By.CSS_SELECTOR, ".statement-body li")
    browser.close()
    browser.switch_to.window(start)
    user.click("input[name=_save]")
    saved(browser)
    statement = Statement.objects.get(title_de="Stellungnahme zur Teilhabe")
    assert statement.is_public and statement.papers.count() == 1
    writing_and_publishing = user.count

    user = Counted(browser)
    browser.get(f"{live_server.url}/de/")
    user.click(".main-nav a[href='/de/ausschuesse/']")
    wait_for_page("/de/ausschuesse/")
    user.type("#id_q", "Hiddenhausen\n")
    wait_for_page("q=Hiddenhausen")
    user.click(".entry-list li > a")
    wait_for_page("/de/ausschuesse/hiddenhausen/")
    finding_a_committee = user.count

    assert (adding_a_committee, writing_and_publishing, finding_a_committee) == (5, 10, 3)

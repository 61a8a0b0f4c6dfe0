"""Pages in headless Chromium, on a phone and on a desktop screen (issue 13)."""

import pytest
from django.contrib.auth.models import User
from selenium.webdriver.common.by import By

from committees.models import Committee

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = (375, 800)


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
    User.objects.create_superuser("buero", "buero@example.org", "ein-langes-passwort")
    browser.get(f"{live_server.url}/admin/login/?next=/admin/statements/statement/add/")
    browser.find_element(By.ID, "id_username").send_keys("buero")
    browser.find_element(By.ID, "id_password").send_keys("ein-langes-passwort")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
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

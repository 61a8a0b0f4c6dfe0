"""The office in a real browser: logging in with a second factor, and an admin that works
under its Content-Security-Policy (Chromium reports every blocked script or style)."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.webdriver.common.by import By

from conftest import STAFF_PASSWORD, current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any script of the page and is not subject to its policy.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' '
    + event.sourceFile + ':' + event.lineNumber);
});
"""


def test_an_administrator_logs_in_with_a_code_and_the_admin_runs_under_its_policy(
    browser, wait_for_page, live_server, portal_data, django_user_model
):
    # A transactional test starts without the staff groups, so a superuser stands in for
    # the office: both need the second factor.
    user = django_user_model.objects.create_superuser("buero", password=STAFF_PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})

    browser.get(f"{live_server.url}/admin/login/?next=/admin/")
    browser.find_element(By.ID, "id_username").send_keys("buero")
    browser.find_element(By.ID, "id_password").send_keys(STAFF_PASSWORD)
    browser.find_element(By.ID, "id_otp_token").send_keys(current_code(device))
    browser.find_element(By.CSS_SELECTOR, "#login-form [type=submit]").click()
    wait_for_page("/admin/")
    assert browser.find_elements(By.ID, "user-tools"), browser.page_source[:2000]

    for path in (
        "/admin/",
        "/admin/statements/statement/add/",
        "/admin/committees/committee/add/",
        "/admin/qualification/seminar/add/",
    ):
        browser.get(f"{live_server.url}{path}")
        wait_for_page(path)
        assert browser.execute_script("return window.cspViolations") == [], path
    # The admin's scripts did run: the autocomplete widget of the seminar form was built.
    assert browser.find_elements(By.CSS_SELECTOR, ".select2-container")

"""Test fixtures shared by every app.

The test database is filled once per session with the portal's real data (the
municipality directory and all fixtures), so tests check what users will see.
Tests that need a live server (browser tests) load it again themselves,
because a transactional test empties the database afterwards.
"""

import csv
import json
import os
import shutil
import socket
import threading
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_portal_data", verbosity=0)


@pytest.fixture(scope="session")
def source_counts():
    """Counts read from the source files of the real data, so tests never type them.

    municipalities and districts: rows of the official directory (GV-ISys);
    current_committees: committee records of the latest term in the fixture.
    """
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    with open(fixtures / "gv" / "gemeinden_nrw.csv", encoding="utf-8", newline="") as handle:
        kinds = Counter(row["Satzart"] for row in csv.DictReader(handle, delimiter=";"))
    terms = json.loads((fixtures / "10_terms.json").read_text(encoding="utf-8"))
    latest = max(term["fields"]["start"] for term in terms)
    committees = json.loads((fixtures / "40_committees.json").read_text(encoding="utf-8"))
    return {
        "municipalities": kinds["60"],
        "districts": kinds["40"],
        "current_committees": sum(
            1 for record in committees if record["fields"]["term"] == [latest]
        ),
    }


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in German: a request of an earlier test may have left
    another language active in this thread."""
    from django.utils import translation

    translation.activate("de")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: the database is rolled back after a
    test, the local-memory caches are not (stored pages, rate limit counts)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def page_cache_off(request, settings):
    """The page cache serves repeated requests without running the view, so
    tests that read a response's template context turn it off. It stays on
    where it is the subject (marker page_cache) and in the browser tests, which
    use the site as visitors do."""
    if not (
        request.node.get_closest_marker("page_cache") or request.node.get_closest_marker("browser")
    ):
        settings.PAGE_CACHE_SECONDS = 0


STAFF_PASSWORD = "Test-Passwort-4711"


def current_code(device):
    """The code an authenticator app shows now for a TOTP device."""
    from django_otp.oath import totp

    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(code).zfill(device.digits)


@pytest.fixture
def second_factor_login():
    """Log a user in to the admin the way a person does: password and a current TOTP code.

    Enrols a real TOTP device for the user (as `manage.py enrol_second_factor`
    does) and posts the admin's login form; returns the client.
    """
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(client, user):
        user.set_password(STAFF_PASSWORD)
        user.save()
        device = TOTPDevice.objects.create(user=user, name="Test-App", confirmed=True)
        response = client.post(
            reverse("admin:login"),
            {
                "username": user.get_username(),
                "password": STAFF_PASSWORD,
                "otp_token": current_code(device),
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        return client

    return login


@pytest.fixture
def admin_client(admin_user, second_factor_login):
    """pytest-django's admin_client, logged in with the second factor the admin requires."""
    from django.test import Client

    return second_factor_login(Client(), admin_user)


@pytest.fixture
def portal_data(transactional_db):
    """The real data for tests that run in a transaction of their own."""
    call_command("load_portal_data", verbosity=0)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, but static files go through WhiteNoise.

    The stock live server answers /static/ with Django's finder-based handler,
    which knows nothing of the hashed names the pages link to, so browsers
    would get unstyled pages. Here every request reaches the real middleware
    stack, as in production.
    """
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture
def browser():
    """Debian's Chromium, headless, driven by Selenium through Debian's chromedriver."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(
                "Chromium and chromedriver are required (apt-get install chromium chromium-driver)"
            )
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--lang=de",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@pytest.fixture
def wait_for_page(browser):
    """Wait until the browser shows a fully loaded page whose address contains `fragment`."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    def wait(fragment):
        WebDriverWait(browser, 15).until(expected_conditions.url_contains(fragment))
        WebDriverWait(browser, 15).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )

    return wait


AXE_SCRIPT = Path(__file__).parent / "tests" / "vendor" / "axe.min.js"
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(result => done(result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
  .catch(error => done([{id: 'axe-error', help: String(error)}]));
"""
PHONE_WIDTH = 375


@pytest.fixture
def wcag_violations(browser):
    """Open a page and return axe-core's WCAG 2.1 A/AA violations (empty if none)."""
    axe = AXE_SCRIPT.read_text(encoding="utf-8")
    browser.set_script_timeout(30)

    def check(url):
        browser.get(url)
        browser.execute_script(axe)
        return browser.execute_async_script(RUN_AXE)

    return check


@pytest.fixture
def width_on_a_phone(browser):
    """Open a page in a phone-sized window; return how wide the page really is."""
    browser.set_window_size(PHONE_WIDTH, 800)

    def measure(url):
        browser.get(url)
        return browser.execute_script("return document.documentElement.scrollWidth")

    measure.limit = PHONE_WIDTH
    return measure


class SmtpSink:
    """Collects what a real SMTP client delivers: (recipients, message bytes) per mail."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_sink():
    """A real SMTP server (aiosmtpd) on a free loopback port; `.port`, `.messages`."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    sink.port = port
    yield sink
    controller.stop()


@pytest.fixture
def stalled_smtp():
    """A loopback port that accepts connections and never says a word: a stalled mail server."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    for connection in accepted:
        connection.close()
    listener.close()


NOTES = pytest.StashKey[list]()


@pytest.fixture
def closing_note(request):
    """Add a line to the summary at the end of the run (measurements of the production tests)."""
    return request.config.stash.setdefault(NOTES, []).append


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    notes = config.stash.get(NOTES, [])
    if notes:
        terminalreporter.section("notes")
        for note in notes:
            terminalreporter.write_line(note)


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)

"""WCAG 2.1 A/AA checks with axe-core in headless Chromium, in German and Arabic."""

import pytest
from django.utils import translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

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
    "qualifizierung/",
    "qualifizierung/seminare/?near=aachen",
    "impressum/",
    "datenschutz/",
    "barrierefreiheit/",
    "leichte-sprache/",
    f"kommunen/?q={'x' * 300}",  # a filter form with an error summary
]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_pages_have_no_wcag_violations(wcag_violations, live_server, portal_data, language):
    from django.core.management import call_command

    from qualification.models import Seminar

    # The demo data: its notice and markers must be accessible too.
    call_command("load_portal_data", demo=True, verbosity=0)
    seminar = Seminar.objects.order_by("pk").first()
    pages = [
        *PAGES,
        f"qualifizierung/seminare/{seminar.pk}/",
        f"qualifizierung/vhs/{seminar.vhs.slug}/",
    ]
    found = {}
    for page in pages:
        result = wcag_violations(f"{live_server.url}/{language}/{page}")
        if result:
            found[page] = result
    assert found == {}


def test_pages_work_on_a_phone(width_on_a_phone, live_server, portal_data):
    for page in (
        "",
        "ausschuesse/",
        "ausschuesse/koeln/",
        "statistik/",
        "karte/",
        "qualifizierung/seminare/",
    ):
        width = width_on_a_phone(f"{live_server.url}/de/{page}")
        assert width <= width_on_a_phone.limit, f"{page} scrolls sideways ({width}px)"


NARROWEST = 320  # CSS pixels: WCAG 2.1 reflow (1.4.10)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_no_page_type_scrolls_sideways_at_320_pixels(browser, live_server, portal_data, language):
    from django.test import Client
    from django.urls import reverse

    from qualification.models import Registration
    from qualification.tests.factories import make_seminar, make_vhs, registration_data
    from statements.models import Statement

    seminar = make_seminar(vhs=make_vhs(name="Volkshochschule Mönchengladbach-Rheydt"))
    Client().post(seminar.get_absolute_url(), registration_data())
    token = Registration.objects.get(seminar=seminar).token
    with translation.override(language):
        registration_page = reverse("qualification:registration", args=[token])[4:]
    statement = Statement.objects.published().first()
    pages = [
        *PAGES,
        "ausschuesse/koeln/",
        "stellungnahmen/",
        "stellungnahmen/drucksachen/",
        "stellungnahmen/drucksachen/17-1356/",
        statement.get_absolute_url()[4:],
        "stellungnahmen/suche/?q=Integrationsrat",
        "stellungnahmen/suche/?q=" + "y" * 300,
        f"qualifizierung/seminare/{seminar.pk}/",
        registration_page,
    ]
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": NARROWEST, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    too_wide = {}
    for page in pages:
        browser.get(f"{live_server.url}/{language}/{page}")
        assert browser.execute_script("return window.innerWidth") == NARROWEST
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > NARROWEST:
            too_wide[page] = width
    assert too_wide == {}

"""WCAG 2.1 A/AA checks with axe-core in headless Chromium, in German and Arabic."""

import pytest

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

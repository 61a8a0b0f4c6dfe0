"""The demo data set: loaded only on request, marked wherever it shows, kept out of
sitemaps, calendars and search-engine data, and removed again on request."""

import json
import re

import pytest
from django.core.management import call_command

from qualification.models import Registration, Seminar, Volkshochschule
from qualification.sitemaps import SeminarSitemap, VolkshochschuleSitemap

from .factories import make_seminar, make_vhs
from .test_staff import add_registration

pytestmark = pytest.mark.django_db


class _Site:
    domain = "testserver"
    name = "testserver"


def sitemap_locations():
    return [
        item["location"]
        for sitemap in (SeminarSitemap, VolkshochschuleSitemap)
        for item in sitemap().get_urls(site=_Site())
    ]


@pytest.fixture
def demo():
    call_command("load_portal_data", demo=True, verbosity=0)
    return Seminar.objects.filter(is_example=True).select_related("vhs")


def test_the_real_data_holds_no_seminar_and_no_volkshochschule():
    # No source names a participating VHS; the examples live in the demo set.
    assert not Seminar.objects.exists()
    assert not Volkshochschule.objects.exists()


def test_demo_loads_marked_examples_once(demo):
    assert demo.count() == 3
    assert all(seminar.vhs.is_example for seminar in demo)
    call_command("load_portal_data", demo=True, verbosity=0)
    assert Seminar.objects.filter(is_example=True).count() == 3
    assert not Seminar.objects.filter(is_example=False).exists()


def test_every_page_says_it_is_a_demo_installation_while_examples_exist(client, demo):
    for url in ("/de/", "/de/ausschuesse/", "/en/qualifizierung/seminare/"):
        content = client.get(url).content.decode()
        assert 'class="demo-notice"' in content, url
    call_command("load_portal_data", remove_demo=True, verbosity=0)
    assert 'class="demo-notice"' not in client.get("/de/").content.decode()


@pytest.mark.page_cache
def test_the_notice_comes_and_goes_with_the_examples_where_pages_are_cached(client):
    """There the answer is remembered per content version, which examples change."""

    def notice(url):
        return 'class="demo-notice"' in client.get(url).content.decode()

    assert not notice("/de/ausschuesse/")
    call_command("load_portal_data", demo=True, verbosity=0)
    assert notice("/de/ausschuesse/")
    assert notice("/de/stellungnahmen/suche/?q=Seminar")
    call_command("load_portal_data", remove_demo=True, verbosity=0)
    assert not notice("/de/ausschuesse/")
    assert not notice("/de/stellungnahmen/suche/?q=Seminar")


def test_no_demo_notice_on_the_real_installation(client):
    assert 'class="demo-notice"' not in client.get("/de/").content.decode()


def test_an_example_seminar_says_so_and_stays_out_of_search_engines(client, demo):
    seminar = demo.first()
    content = client.get(seminar.get_absolute_url()).content.decode()
    assert "Beispiel:" in content
    assert '<meta name="robots" content="noindex">' in content
    assert "application/ld+json" not in content
    listing = client.get("/de/qualifizierung/seminare/").content.decode()
    assert listing.count('class="badge badge-example">Beispiel<') == 3
    vhs_page = client.get(seminar.vhs.get_absolute_url()).content.decode()
    assert 'class="badge badge-example">Beispiel<' in vhs_page
    assert '<meta name="robots" content="noindex">' in vhs_page


def test_a_real_seminar_keeps_its_structured_data(client, demo):
    seminar = make_seminar()
    content = client.get(seminar.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', content).group(1))
    assert data["@type"] == "Course"
    assert "noindex" not in content


def test_examples_are_not_in_sitemaps_or_calendar_feeds(client, demo):
    real = make_seminar()
    locations = sitemap_locations()
    assert any(url.endswith(real.get_absolute_url()) for url in locations)
    for seminar in demo:
        assert not any(url.endswith(seminar.get_absolute_url()) for url in locations)
        assert not any(url.endswith(seminar.vhs.get_absolute_url()) for url in locations)
    feed = client.get("/de/qualifizierung/kalender.ics").content.decode()
    assert f"seminar-{real.pk}-" in feed
    assert "Beispiel" not in feed
    example = demo.first()
    vhs_feed = client.get(f"/de/qualifizierung/vhs/{example.vhs.slug}/kalender.ics")
    assert f"seminar-{example.pk}-" not in vhs_feed.content.decode()


def test_remove_demo_takes_the_examples_and_their_registrations(demo):
    example = demo.first()
    add_registration(example, "Probe", "probe@example.org")
    real = make_seminar(vhs=make_vhs())
    call_command("load_portal_data", remove_demo=True, verbosity=0)
    assert not Seminar.objects.filter(is_example=True).exists()
    assert not Volkshochschule.objects.filter(is_example=True).exists()
    assert not Registration.objects.filter(email="probe@example.org").exists()
    assert Seminar.objects.filter(pk=real.pk).exists()


def test_plain_loading_never_loads_the_demo(client):
    call_command("load_portal_data", verbosity=0)
    assert not Seminar.objects.filter(is_example=True).exists()
    assert not Volkshochschule.objects.filter(is_example=True).exists()

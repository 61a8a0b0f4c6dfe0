"""Atom feeds, sitemap.xml and robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from statements.models import Topic

from .factories import make_statement

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse_atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    # RFC 4287: a feed has id, title and updated, and an author (here on the feed).
    for element in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{element}") is not None, element
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Landesintegrationsrat NRW"
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for element in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{element}") is not None, element
    return root, entries


def test_the_feed_is_valid_atom_with_the_seed_statement(client):
    root, entries = parse_atom(client.get("/de/stellungnahmen/feed/"))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert (
        "http://testserver/de/stellungnahmen/qualifizierung-migrantenselbstorganisationen/" in links
    )
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)


def test_the_feed_lists_the_newest_publication_first(client):
    make_statement(title="Ganz neue Stellungnahme")
    _root, entries = parse_atom(client.get("/en/stellungnahmen/feed/"))
    assert entries[0].find(f"{ATOM}title").text == "Ganz neue Stellungnahme"


def test_the_topic_feed_has_only_that_topic(client):
    topic = Topic.objects.get(slug="schulerfolg")
    make_statement(title="Zur Schule", topics=[topic])
    make_statement(title="Zum Sport")
    _root, entries = parse_atom(client.get("/de/stellungnahmen/themen/schulerfolg/feed/"))
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Zur Schule"]


def test_an_empty_topic_feed_is_still_valid(client):
    _root, entries = parse_atom(client.get("/tr/stellungnahmen/themen/sportvereine/feed/"))
    assert entries == []


def sitemap_urls(client):
    """Every page of the sitemap index's section sitemaps, with its alternates."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [
        loc.text.removeprefix("http://testserver")
        for loc in ET.fromstring(index.content).iter(f"{SITEMAP}loc")
    ]
    assert "/sitemap-statements.xml" in sections
    urls = {}
    for section in sections:
        response = client.get(section)
        assert response.status_code == 200, section
        for url in ET.fromstring(response.content).findall(f"{SITEMAP}url"):
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
            urls[url.find(f"{SITEMAP}loc").text] = alternates
    return urls


def test_the_sitemap_has_every_public_page_in_every_language(client):
    from committees.tests.factories import make_earlier_committee
    from municipalities.models import Municipality

    make_earlier_committee(Municipality.objects.get(slug="koeln"))
    urls = sitemap_urls(client)
    base = "http://testserver"
    for language in ("de", "en", "tr", "ar"):
        for path in [
            "/",
            "/stellungnahmen/",
            "/stellungnahmen/qualifizierung-migrantenselbstorganisationen/",
            "/stellungnahmen/drucksachen/",
            "/stellungnahmen/drucksachen/17-1356/",
            "/stellungnahmen/themen/flucht/",
            "/stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/",
            "/ausschuesse/",
            "/ausschuesse/hiddenhausen/",
            "/ausschuesse/koeln/2020-2025/",
            "/karte/",
            "/statistik/",
            "/kommunen/",
            "/kommunen/haan/",
        ]:
            assert f"{base}/{language}{path}" in urls, f"/{language}{path}"
    alternates = urls[f"{base}/de/stellungnahmen/drucksachen/17-1356/"]
    assert alternates["ar"] == f"{base}/ar/stellungnahmen/drucksachen/17-1356/"
    # x-default is the address without a language, which sends visitors to their language.
    assert alternates["x-default"] == f"{base}/stellungnahmen/drucksachen/17-1356/"
    response = client.get("/stellungnahmen/drucksachen/17-1356/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/stellungnahmen/drucksachen/17-1356/"


def test_every_sitemap_url_answers(client):
    urls = sitemap_urls(client)
    sample = [url for url in urls if "/kommunen/" not in url or url.endswith("/haan/")]
    for url in sample[:400]:
        assert client.get(url.replace("http://testserver", "")).status_code == 200, url


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text

"""The section sitemaps: the XML of Django's sitemap template, written faster."""

import math
import xml.etree.ElementTree as ET

import pytest
from django.contrib.sitemaps import views as sitemaps

from helpers.sitemaps import I18nSitemap
from lir_portal.sitemaps import SITEMAPS
from statements.models import Statement
from statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("section", ["home", "municipalities", "statements", "legal"])
def test_the_same_xml_as_djangos_template(section, client, rf):
    make_statement(title="Eine Stellungnahme & mehr")
    ours = client.get(f"/sitemap-{section}.xml")
    assert ours.status_code == 200
    assert ours["Content-Type"] == "application/xml"
    assert ours["X-Robots-Tag"] == "noindex, noodp, noarchive"

    theirs = sitemaps.sitemap(rf.get(f"/sitemap-{section}.xml"), SITEMAPS, section).render()
    assert ET.canonicalize(ours.content.decode(), strip_text=True) == ET.canonicalize(
        theirs.content.decode(), strip_text=True
    )
    assert ours.get("Last-Modified") == theirs.get("Last-Modified")
    assert ET.fromstring(ours.content).find("{http://www.sitemaps.org/schemas/sitemap/0.9}url")


def test_unknown_sections_and_pages_are_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-statements.xml", {"p": "99"}).status_code == 404
    assert client.get("/sitemap-statements.xml", {"p": "x"}).status_code == 404


def test_a_long_section_comes_in_files_the_index_lists(client):
    # Enough statements for two files, each listed in four languages.
    count = I18nSitemap.limit // 4 + 5
    for number in range(count):
        make_statement(title=f"Stellungnahme {number}")
    index = client.get("/sitemap.xml").content.decode()
    files = math.ceil(Statement.objects.published().count() * 4 / I18nSitemap.limit)
    assert files >= 2
    locations = []
    for page in range(1, files + 1):
        if page > 1:
            assert f"/sitemap-statements.xml?p={page}" in index
        response = client.get("/sitemap-statements.xml", {"p": page})
        tree = ET.fromstring(response.content)
        locations += [
            loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        ]
    assert len(locations) == len(set(locations)) >= count * 4
    assert client.get("/sitemap-statements.xml", {"p": files + 1}).status_code == 404

"""Committee pages, figures and the map as people read them, also on a phone (issue 13)."""

import re

import pytest

from committees.models import Committee, PublishedFigure
from municipalities.tests.factories import make_municipality

from .factories import make_committee

pytestmark = pytest.mark.django_db


def test_without_a_contact_the_box_links_to_the_towns_website_if_known(client):
    town = make_municipality(name="Mitteldorf", website="https://www.mitteldorf.example")
    committee = make_committee(municipality=town)
    box = contact_box(client.get(committee.get_absolute_url()).content.decode())
    assert 'href="https://www.mitteldorf.example"' in box
    assert "Website der Stadt Mitteldorf" in box


def test_without_a_known_website_the_box_says_how_to_find_it_and_links_nowhere(client):
    committee = make_committee(municipality=make_municipality(name="Stilldorf", website=""))
    box = contact_box(client.get(committee.get_absolute_url()).content.decode())
    assert "nicht erfasst" in box and "„Stadt Stilldorf“" in box
    assert 'rel="external"' not in box


def contact_box(html):
    start = html.index('id="contact-title"')
    return html[start : html.index("</section>", start)]


def test_not_a_member_is_explained(client):
    outside = make_committee(is_member=False)
    inside = make_committee(is_member=True)
    page = client.get(outside.get_absolute_url()).content.decode()
    assert "kein Mitglied" in page
    assert "Landesverband" in page or "Dachverband" in page
    assert "membership-note" not in client.get(inside.get_absolute_url()).content.decode()


def test_the_term_table_scrolls_inside_a_focusable_region_with_a_cue(client):
    page = client.get(make_committee().get_absolute_url()).content.decode()
    assert re.search(
        r'<div class="table-scroll scroll-cue" tabindex="0" role="region" '
        r'aria-labelledby="history-title">',
        page,
    )


def test_the_menu_marks_its_section_on_detail_pages(client):
    committee = make_committee()
    page = client.get(committee.get_absolute_url()).content.decode()
    nav = page[
        page.index('class="main-nav"') : page.index("</nav>", page.index('class="main-nav"'))
    ]
    assert re.search(r'href="/de/ausschuesse/" aria-current="true"', nav)
    assert nav.count("aria-current") == 1


def test_chart_titles_are_headings_above_the_charts_and_the_source_is_named_once(client):
    page = client.get("/de/statistik/").content.decode()
    for title in re.findall(r'<h3 id="(chart-\d+)-title" class="chart-title">', page):
        heading = page.index(f'id="{title}-title"')
        assert heading < page.index("<svg", heading)
    assert "<figcaption>" not in page.split('id="published-title"')[1]
    figures = PublishedFigure.objects.filter(term__in=Committee.objects.current().values("term"))
    sources = {figure.source for figure in figures}
    if len(sources) == 1:
        (source,) = sources
        assert page.count(source) == 1
        assert "Quelle aller Zahlen" in page


def test_chart_labels_wrap_instead_of_running_out_of_the_chart():
    from committees.templatetags.charts import CHART_WIDTH, LABEL_CHARS, bar_chart

    chart = bar_chart("Titel", [("Ein sehr langer Name " * 4, 10, "10"), ("kurz", 5, "5")])
    long_bar, short_bar = chart["bars"]
    assert len(long_bar["lines"]) > 1
    assert all(len(line["text"]) <= LABEL_CHARS for line in long_bar["lines"])
    assert short_bar["bar_y"] > long_bar["bar_y"] + long_bar["height"]
    assert chart["width"] == CHART_WIDTH


def test_the_map_has_large_targets_names_of_big_cities_and_a_list_beside_it(client):
    big = make_municipality(name="Großstadt", population=600_000)
    small = make_municipality(name="Kleinstadt", population=20_000)
    make_committee(municipality=big)
    make_committee(municipality=small)
    page = client.get("/de/karte/").content.decode()
    labels = re.findall(r'<text [^>]*class="map-label"[^>]*>([^<]+)</text>', page)
    assert "Großstadt" in labels and "Kleinstadt" not in labels
    assert page.count('class="hit"') == page.count('class="dot"')
    assert re.search(r'r="16" class="hit"', page)
    listing = page[page.index('id="map-list-title"') :]
    count = Committee.objects.current().count()
    assert listing.count("/de/ausschuesse/") == count
    assert "Kleinstadt" in listing

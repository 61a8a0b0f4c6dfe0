"""Statement and paper pages as readers meet them (issue 13): no shouting about unknown
dates, a notice when the text is German only, the published title cited, a topic index."""

import datetime
import re

import pytest

from statements.models import Topic

from .factories import make_paper, make_statement

pytestmark = pytest.mark.django_db


def test_unknown_dates_are_left_out(client):
    statement = make_statement(date=None)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "unbekannt" not in page and "ohne Datum" not in page
    listing = client.get("/de/stellungnahmen/").content.decode()
    assert "ohne Datum" not in listing
    dated = make_statement(date=datetime.date(2018, 6, 18))
    assert "18. Juni 2018" in client.get(dated.get_absolute_url()).content.decode()


def test_the_paper_page_says_wahlperiode_and_hides_an_unknown_date(client):
    paper = make_paper(term=17, date=None)
    page = client.get(paper.get_absolute_url()).content.decode()
    assert "Wahlperiode 17" in page
    assert "Amtsperiode" not in page and "unbekannt" not in page


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_a_german_only_text_says_so_in_other_languages(client, language):
    statement = make_statement(body="Nur deutscher Text.", title_en="A statement in English")
    url = statement.get_absolute_url()
    page = client.get(f"/{language}{url[3:]}").content.decode()
    assert 'class="notice german-only"' in page
    german = client.get(url).content.decode()
    assert "german-only" not in german


def test_the_citation_uses_the_published_german_title(client):
    statement = make_statement(
        title="Stellungnahme zur Teilhabe", title_en="Statement on participation"
    )
    page = client.get(f"/en{statement.get_absolute_url()[3:]}").content.decode()
    citation = page[page.index('id="cite-title"') :]
    citation = citation[: citation.index("</section>")]
    assert '<cite lang="de">Stellungnahme zur Teilhabe</cite>' in citation
    assert "Statement on participation" not in citation


def test_the_topic_index_lists_every_topic_with_its_counts(client):
    topic = Topic.objects.create(name="Testthema", slug="testthema", position=99)
    make_statement(topics=[topic])
    make_statement(topics=[topic], published=False)
    make_paper().topics.add(topic)
    response = client.get("/de/stellungnahmen/themen/")
    assert response.status_code == 200
    page = response.content.decode()
    for each in Topic.objects.all():
        assert each.get_absolute_url() in page
    entry = page[page.index(topic.get_absolute_url()) :]
    entry = entry[: entry.index("</li>")]
    assert re.search(r"1 Stellungnahme\b", entry) and re.search(r"1 Drucksache\b", entry)
    assert 'href="/de/stellungnahmen/themen/"' in client.get("/de/stellungnahmen/").content.decode()

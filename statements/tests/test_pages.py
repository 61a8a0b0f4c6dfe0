"""The public pages: statements, papers, hearings, topics; drafts never show."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Attachment, Paper, Statement, Topic

from .factories import make_paper, make_statement

pytestmark = pytest.mark.django_db

SEED = "/de/stellungnahmen/qualifizierung-migrantenselbstorganisationen/"
PDF = b"%PDF-1.4\n%%EOF\n"


def count_queries(client, url):
    # A first request fills the caches of site-wide facts (e.g. whether demo data exists).
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def draft():
    paper = Paper.objects.get(term=17, number=2157)
    topic = Topic.objects.get(slug="politische-teilhabe")
    return make_statement(
        title="Geheimer Entwurf zur Wahlrechtsreform",
        summary="Noch nicht abgestimmt: Wahlrechtsreform",
        published=False,
        papers=[paper],
        topics=[topic],
    )


def test_the_list_shows_the_seed_statement_with_count_and_feed(client):
    response = client.get("/de/stellungnahmen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert SEED in html
    assert response.context["result_count"] == 1
    assert 'type="application/atom+xml" href="/de/stellungnahmen/feed/"' in html


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("topic=politische-teilhabe", True),
        ("topic=schulerfolg", False),
        ("year=2018", True),
        ("kind=antrag", True),
        ("kind=gesetzentwurf", False),
        ("term=17", True),
        ("topic=chancengerechtigkeit&year=2018&kind=antrag&term=17", True),
    ],
)
def test_filters(client, query, found):
    response = client.get(f"/de/stellungnahmen/?{query}")
    assert response.status_code == 200
    assert (SEED in response.content.decode()) is found
    assert response.context["result_count"] == (1 if found else 0)


@pytest.mark.parametrize(
    "query", ["topic=gibt-es-nicht", "year=abc", "year=1850", "kind=%27%3B--", "term=99"]
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, query):
    response = client.get(f"/de/stellungnahmen/?{query}")
    assert response.status_code == 200
    assert response.context["ignored_filters"]
    assert SEED in response.content.decode()
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("page", ["99", "0", "-1", "abc", "1e9", "9" * 40])
def test_a_page_past_the_end_is_a_clear_404(client, page):
    response = client.get(f"/en/stellungnahmen/?page={page}")
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no page" in html and "Go to the first page" in html


def test_pagination_keeps_the_filters(client, settings):
    settings.STATEMENTS_PAGE_SIZE = 2
    topic = Topic.objects.get(slug="flucht")
    for _ in range(5):
        make_statement(topics=[topic])
    response = client.get("/de/stellungnahmen/?topic=flucht")
    assert response.context["result_count"] == 5
    assert "?topic=flucht&amp;page=2" in response.content.decode()
    assert client.get("/de/stellungnahmen/?topic=flucht&page=3").status_code == 200
    assert client.get("/de/stellungnahmen/?topic=flucht&page=4").status_code == 404


def test_newest_first(client):
    older = make_statement(date=datetime.date(2020, 1, 1))
    newer = make_statement(date=datetime.date(2024, 5, 1))
    results = client.get("/de/stellungnahmen/").context["results"]
    assert results.index(newer) < results.index(older)


def test_the_statement_page_has_papers_hearing_topics_and_a_citation(client):
    response = client.get(SEED)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/de/stellungnahmen/drucksachen/17-2157/"' in html
    assert 'href="/de/stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/"' in html
    assert 'href="/de/stellungnahmen/themen/politische-teilhabe/"' in html
    assert "107 Kommunen" in html  # the body
    assert f"http://testserver{SEED}" in html  # the permalink in the citation
    english = client.get(SEED.replace("/de/", "/en/")).content.decode()
    # Undated: the citation says so instead of guessing a year; it cites the title
    # as published, in German, not a translation that was never published.
    assert 'Landesintegrationsrat NRW (n. d.): <cite lang="de">Stellungnahme zum Antrag' in english
    assert "Statement on Landtag paper 17/2157" in english


def test_the_paper_page_shows_relations_in_both_directions(client):
    html = client.get("/de/stellungnahmen/drucksachen/17-1287/").content.decode()
    assert 'href="/de/stellungnahmen/drucksachen/17-1356/"' in html
    html = client.get("/en/stellungnahmen/drucksachen/17-1356/").content.decode()
    assert 'href="/en/stellungnahmen/drucksachen/17-1287/"' in html
    assert "https://www.landtag.nrw.de/portal/WWW/dokumentenarchiv/Dokument/MMD17-1356.pdf" in html
    assert "CDU parliamentary group" in html


def test_the_paper_page_lists_the_statements_on_it(client):
    html = client.get("/de/stellungnahmen/drucksachen/17-2157/").content.decode()
    assert SEED in html
    assert "/de/stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/" in html


@pytest.mark.parametrize(
    "url",
    [
        "/de/stellungnahmen/drucksachen/17-99999/",
        "/de/stellungnahmen/drucksachen/17-abc/",
        "/de/stellungnahmen/themen/gibt-es-nicht/",
        "/de/stellungnahmen/themen/gibt-es-nicht/feed/",
        "/de/stellungnahmen/anhoerungen/integrationsausschuss/2018-02-31/",
        "/de/stellungnahmen/anhoerungen/integrationsausschuss/gestern/",
        "/de/stellungnahmen/anhoerungen/gibt-es-nicht/",
        "/de/stellungnahmen/gibt-es-nicht/",
    ],
)
def test_unknown_things_are_404(client, url):
    assert client.get(url).status_code == 404


def test_the_topic_page_lists_statements_and_papers(client):
    html = client.get("/de/stellungnahmen/themen/politische-teilhabe/").content.decode()
    assert SEED in html
    for reference in ("17-1287", "17-1356", "17-2157"):
        assert f"/de/stellungnahmen/drucksachen/{reference}/" in html


def test_a_long_topic_shows_its_newest_and_links_the_full_lists(client):
    topic = Topic.objects.get(slug="flucht")
    statements = [
        make_statement(title=f"Zur Flucht {day}", topics=[topic], date=datetime.date(2024, 1, day))
        for day in range(1, 13)
    ]
    for _ in range(11):
        make_paper().topics.add(topic)
    response = client.get("/de/stellungnahmen/themen/flucht/")
    html = response.content.decode()
    assert response.context["statement_count"] == Statement.objects.on_topic(topic).count()
    assert len(response.context["statements"]) == 10
    assert "Zur Flucht 12" in html and "Zur Flucht 1<" not in html
    count = response.context["statement_count"]
    assert f"Alle {count} Stellungnahmen zu diesem Thema" in html
    assert 'href="/de/stellungnahmen/?topic=flucht"' in html
    papers = response.context["paper_count"]
    assert f"Alle {papers} Drucksachen zu diesem Thema" in html
    assert 'href="/de/stellungnahmen/drucksachen/?topic=flucht"' in html
    listed = client.get("/de/stellungnahmen/?topic=flucht").context["result_count"]
    assert listed == count >= len(statements)
    listed = client.get("/de/stellungnahmen/drucksachen/?topic=flucht").context["result_count"]
    assert listed == papers >= 11
    arabic = client.get("/ar/stellungnahmen/themen/flucht/").content.decode()
    assert f"جميع الآراء حول هذا الموضوع (\u2068{count}\u2069)" in arabic


def test_a_short_topic_needs_no_link_to_the_full_list(client):
    html = client.get("/de/stellungnahmen/themen/politische-teilhabe/").content.decode()
    assert "zu diesem Thema</a>" not in html


def test_the_paper_list_filters_by_originator(client):
    response = client.get("/de/stellungnahmen/drucksachen/?originator=spd")
    assert [p.reference for p in response.context["results"]] == ["17/1287"]
    response = client.get("/de/stellungnahmen/drucksachen/?originator=nobody")
    assert response.context["ignored_filters"]


def test_the_hearing_page(client):
    html = client.get(
        "/de/stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/"
    ).content.decode()
    assert SEED in html and "/de/stellungnahmen/drucksachen/17-2157/" in html


def test_a_landtag_committee_lists_its_hearings_newest_first_in_pages(client, monkeypatch):
    from statements import views
    from statements.models import Hearing, LandtagCommittee

    monkeypatch.setattr(views, "HEARINGS_PAGE_SIZE", 2)
    committee = LandtagCommittee.objects.get(slug="integrationsausschuss")
    url = f"/de/stellungnahmen/anhoerungen/{committee.slug}/"
    seed_paper = Paper.objects.get(term=17, number=2157)
    few = count_queries(client, url)
    for day in (1, 2, 3):
        hearing = Hearing.objects.create(committee=committee, date=datetime.date(2030, 1, day))
        hearing.papers.add(make_paper(term=18), seed_paper)
    assert count_queries(client, url) == few

    first = client.get(url)
    shown = [hearing.date.day for hearing in first.context["results"]]
    assert shown == [3, 2]
    html = first.content.decode()
    assert f"{url}2030-01-03/" in html and f"{url}2030-01-01/" not in html
    assert "Drs. 17/2157" in html and 'rel="next"' in html

    last = client.get(url + "?page=2")
    assert [hearing.date.day for hearing in last.context["results"]][0] == 1
    assert 'rel="prev"' in last.content.decode()

    missing = client.get(url + "?page=99")
    assert missing.status_code == 404
    assert "Eine Seite „99“ gibt es in dieser Liste nicht" in missing.content.decode()


def test_drafts_are_invisible_on_every_page(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404
    for url in [
        "/de/stellungnahmen/",
        "/de/stellungnahmen/?topic=politische-teilhabe",
        "/de/stellungnahmen/drucksachen/17-2157/",
        "/de/stellungnahmen/themen/politische-teilhabe/",
        "/de/stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/",
        "/de/",
        "/de/stellungnahmen/suche/?q=Wahlrechtsreform",
        "/de/stellungnahmen/feed/",
        "/de/stellungnahmen/themen/politische-teilhabe/feed/",
        "/sitemap-statements.xml",
        "/sitemap-papers.xml",
    ]:
        html = client.get(url).content.decode()
        assert "Geheimer Entwurf" not in html, url
        assert "Noch nicht abgestimmt" not in html, url
        assert f"/{draft.slug}/" not in html, url
    search = client.get("/de/stellungnahmen/suche/?q=Wahlrechtsreform").context
    assert search["total"] == 0


def test_a_statement_scheduled_for_later_is_not_public_yet(client):
    import django.utils.timezone as tz

    later = make_statement(published_at=tz.now() + datetime.timedelta(days=1))
    assert client.get(later.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_the_public_cannot(client, admin_client, draft):
    url = f"/de/stellungnahmen/vorschau/{draft.pk}/"
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Geheimer Entwurf" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"


def test_attachments_of_published_statements_download_drafts_do_not(
    client, draft, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    public = Statement.objects.get(slug="qualifizierung-migrantenselbstorganisationen")
    shown = Attachment.objects.create(
        statement=public, title="Stellungnahme (PDF)", file=SimpleUploadedFile("a.pdf", PDF)
    )
    hidden = Attachment.objects.create(
        statement=draft, title="Entwurf", file=SimpleUploadedFile("b.pdf", PDF)
    )
    html = client.get(SEED).content.decode()
    assert shown.get_absolute_url() in html and shown.sha256 in html
    response = client.get(shown.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/de/stellungnahmen/",
        "/de/stellungnahmen/?topic=flucht&term=18",
        "/de/stellungnahmen/drucksachen/",
        "/de/stellungnahmen/themen/flucht/",
        "/de/stellungnahmen/suche/?q=Teststellungnahme",
        "/de/stellungnahmen/feed/",
        "/de/stellungnahmen/themen/flucht/feed/",
    ],
)
def test_list_pages_do_not_query_per_row(client, url):
    topic = Topic.objects.get(slug="flucht")

    def add(count):
        for _ in range(count):
            paper = make_paper(term=18)
            make_statement(papers=[paper], topics=[topic])
            paper.topics.add(topic)

    add(2)
    few = count_queries(client, url)
    add(8)
    assert count_queries(client, url) == few


def test_the_sitemap_does_not_query_per_statement(client):
    make_statement()
    few = count_queries(client, "/sitemap-statements.xml")
    for _ in range(5):
        make_statement()
        make_paper()
    assert count_queries(client, "/sitemap-statements.xml") == few


@pytest.mark.parametrize(
    "url",
    [
        "/de/stellungnahmen/?topic=%00",
        "/de/stellungnahmen/?year=%00&kind=%00&term=%00&page=%00",
        "/de/stellungnahmen/drucksachen/?originator=%00&term=%00&kind=%00",
        "/de/stellungnahmen/suche/?q=%00",
        "/de/stellungnahmen/suche/?q=Integration%00rat",
        "/de/stellungnahmen/?topic=" + "x" * 5000,
    ],
)
def test_null_bytes_and_huge_values_in_the_query_string_are_no_500(client, url):
    assert client.get(url).status_code in {200, 400, 404}


LANGUAGES = {"de": "ltr", "en": "ltr", "tr": "ltr", "ar": "rtl"}
HEADINGS = {
    "de": "Stellungnahmen",
    "en": "Statements",
    "tr": "Görüşler",
    "ar": "الآراء",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "page",
    [
        "stellungnahmen/",
        "stellungnahmen/?topic=flucht&year=2018",
        "stellungnahmen/qualifizierung-migrantenselbstorganisationen/",
        "stellungnahmen/drucksachen/",
        "stellungnahmen/drucksachen/17-1356/",
        "stellungnahmen/anhoerungen/integrationsausschuss/",
        "stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/",
        "stellungnahmen/themen/politische-teilhabe/",
        "stellungnahmen/suche/?q=Integrationsrat",
    ],
)
def test_every_page_in_every_language(client, language, page):
    response = client.get(f"/{language}/{page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{LANGUAGES[language]}">' in html
    assert html.count("<h1") == 1
    # The Content-Security-Policy forbids inline code: none is needed.
    assert " style=" not in html and "<script" not in html
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("language", HEADINGS)
def test_the_statement_list_speaks_the_visitors_language(client, language):
    html = client.get(f"/{language}/stellungnahmen/").content.decode()
    assert f"<h1>{HEADINGS[language]}</h1>" in html


def test_a_staff_login_without_the_right_to_edit_statements_cannot_preview_drafts(
    client, django_user_model, draft
):
    from django.contrib.auth.models import Group

    vhs = django_user_model.objects.create_user("vhs-preview", password="x", is_staff=True)
    vhs.groups.add(Group.objects.get(name="Volkshochschule"))
    client.force_login(vhs)
    response = client.get(f"/de/stellungnahmen/vorschau/{draft.pk}/")
    assert response.status_code == 403
    assert "Geheimer Entwurf" not in response.content.decode()

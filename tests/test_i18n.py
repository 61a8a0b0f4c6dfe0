"""Every public page in all four languages, with lang, dir and working switcher."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

LANGUAGES = {"de": "ltr", "en": "ltr", "tr": "ltr", "ar": "rtl"}
PAGES = [
    "",
    "ausschuesse/",
    "ausschuesse/?regierungsbezirk=3&q=k%C3%B6ln",
    "ausschuesse/koeln/",
    "ausschuesse/koeln/2020-2025/",
    "kommunen/",
    "kommunen/haan/",
    "karte/",
    "statistik/",
    "stellungnahmen/themen/flucht/",
]


@pytest.fixture
def earlier_body():
    """Köln's body in the term 2020–2025, as the office could enter it from a source."""
    from committees.tests.factories import make_earlier_committee
    from municipalities.models import Municipality

    make_earlier_committee(Municipality.objects.get(slug="koeln"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_public_pages_in_every_language(client, language, page, earlier_body):
    response = client.get(f"/{language}/{page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{LANGUAGES[language]}">' in html
    # hreflang alternates for every language and x-default
    for code in LANGUAGES:
        assert f'hreflang="{code}"' in html
    assert 'hreflang="x-default"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_keeps_the_visitor_on_the_same_page(client, language):
    response = client.get(f"/{language}/ausschuesse/koeln/?x=1")
    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links == {code: f"/{code}/ausschuesse/koeln/?x=1" for code in LANGUAGES}


def test_ui_is_translated(client):
    expected = {
        "de": "Ausschüsse A–Z",
        "en": "Committees A–Z",
        "tr": "Komiteler A–Z",
        "ar": "اللجان أبجديًا",
    }
    for code, heading in expected.items():
        assert f"<h1>{heading}</h1>" in client.get(f"/{code}/ausschuesse/").content.decode()


def test_content_falls_back_to_german(client):
    from statements.models import Topic

    topic = Topic.objects.get(slug="flucht")
    topic.name_tr = ""
    topic.save()
    html = client.get("/tr/stellungnahmen/themen/flucht/").content.decode()
    assert topic.name_de in html


def test_root_redirects_to_the_browsers_language():
    response = Client(HTTP_ACCEPT_LANGUAGE="tr,en;q=0.5").get("/")
    assert response.status_code == 302
    assert response["Location"] == "/tr/"
    assert Client().get("/").headers["Location"] == "/de/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_page_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'lang="{language}" dir="{LANGUAGES[language]}"' in html
    titles = {
        "de": "Seite nicht gefunden",
        "en": "Page not found",
        "tr": "Sayfa bulunamadı",
        "ar": "الصفحة غير موجودة",
    }
    assert titles[language] in html


def break_the_committee_index(client, monkeypatch, error):
    """The committee index fails with `error`; the client gets the error page."""
    from committees import views

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(views, "group_by_letter", broken)
    client.raise_request_exception = False


def test_500_page_in_the_visitors_language(client, monkeypatch):
    break_the_committee_index(client, monkeypatch, RuntimeError("simulated failure"))
    response = client.get("/tr/ausschuesse/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="tr"' in html and "Sunucu hatası" in html
    response = client.get("/ar/ausschuesse/")
    assert 'dir="rtl"' in response.content.decode()


def test_a_database_that_cannot_be_reached_answers_503_briefly_unavailable(client, monkeypatch):
    from django.db import OperationalError

    refused = OperationalError('connection to server at "127.0.0.1" failed: Connection refused')
    break_the_committee_index(client, monkeypatch, refused)
    response = client.get("/de/ausschuesse/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Vorübergehend nicht erreichbar" in html and "Serverfehler" not in html
    response = client.get("/ar/ausschuesse/")
    assert response.status_code == 503
    assert 'dir="rtl"' in response.content.decode()
    assert "غير متاح مؤقتًا" in response.content.decode()


def catalogues():
    base = Path(settings.BASE_DIR)
    return [
        path for path in base.rglob("locale/*/LC_MESSAGES/django.po") if ".venv" not in path.parts
    ]


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_ui_string_is_translated(path):
    language = path.parts[-3]
    catalogue = polib.pofile(str(path))
    assert not [e.msgid for e in catalogue if "fuzzy" in e.flags and not e.obsolete]
    if language == "en":  # the message ids are English
        return
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    assert untranslated == []
    for entry in catalogue.translated_entries():
        placeholders = set(re.findall(r"%\(\w+\)[sd]", entry.msgid))
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert set(re.findall(r"%\(\w+\)[sd]", text)) <= placeholders | set(
                re.findall(r"%\(\w+\)[sd]", entry.msgid_plural or "")
            ), entry.msgid


@override_settings(LANGUAGE_CODE="de")
def test_admin_speaks_german_by_default(admin_client):
    assert "Ausschüsse" in admin_client.get("/admin/").content.decode()


def test_terms_read_left_to_right_in_arabic(client):
    html = client.get("/ar/ausschuesse/koeln/").content.decode()
    assert '<span dir="ltr">2025–2030</span>' in html


@pytest.mark.parametrize(
    "path",
    [path for path in catalogues() if path.parts[-3] == "ar"],
    ids=lambda p: str(p.relative_to(settings.BASE_DIR)),
)
def test_arabic_messages_isolate_their_left_to_right_runs(path):
    """German names, abbreviations and placeholders in Arabic text are isolated
    (helpers.bidi); `make translations` adds the isolates to new messages."""
    from helpers.bidi import isolate_runs

    catalogue = polib.pofile(str(path))
    not_isolated = [
        text
        for entry in catalogue.translated_entries()
        for text in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
        if isolate_runs(text) != text
    ]
    assert not_isolated == []


def test_arabic_text_keeps_german_names_and_file_suffixes_in_one_run():
    from helpers.bidi import FSI, LRI, PDI, isolate_runs

    assert isolate_runs("اسمها „Ausschuss für Integration“.") == (
        f"اسمها {LRI}„Ausschuss für Integration“{PDI}."
    )
    assert isolate_runs("تقويمي (.ics)") == f"تقويمي ({LRI}.ics{PDI})"
    assert isolate_runs("في %(vhs)s، 1 نوفمبر 2025") == f"في {FSI}%(vhs)s{PDI}، 1 نوفمبر 2025"
    assert isolate_runs('<a href="x">PDF</a>') == f'<a href="x">{LRI}PDF{PDI}</a>'

"""The office writes statements as plain text, previews them before saving, and the
admin serves everything from the site with each language field named (issue 13)."""

import re

import pytest
from django.contrib import admin

from statements.bodytext import render_body
from statements.models import Paper, Statement

from .factories import make_statement
from .test_admin import statement_form

pytestmark = pytest.mark.django_db

PLAIN = """Der Landesintegrationsrat begrüßt den Antrag.

Wir schlagen vor:

- mehr Sprachkurse
- **frühe** Beratung

1. erstens
2. zweitens

Mehr beim [Landtag](https://www.landtag.nrw.de) <script>alert(1)</script>"""


def test_plain_text_with_paragraphs_and_lists_becomes_formatted_and_safe():
    html = render_body(PLAIN)
    assert html.count("<p>") == 3
    assert "<ul>\n<li>mehr Sprachkurse</li>" in html
    assert "<strong>frühe</strong>" in html
    assert "<ol>\n<li>erstens</li>" in html
    assert '<a href="https://www.landtag.nrw.de" rel="noopener noreferrer">Landtag</a>' in html
    assert "<script" not in html and "alert" not in html


def test_bodies_written_in_html_keep_working():
    html = "<p>Erster Absatz</p>\n    <ul><li>eingerückt</li></ul>"
    rendered = render_body(html)
    assert "<p>Erster Absatz</p>" in rendered and "<li>eingerückt</li>" in rendered
    assert "<pre" not in rendered and "<code" not in rendered


def test_a_statement_typed_as_plain_text_shows_paragraphs_and_lists(client):
    statement = make_statement(body=PLAIN)
    statement.refresh_from_db()
    assert statement.body == PLAIN  # kept as typed, for the next edit
    page = client.get(statement.get_absolute_url()).content.decode()
    body = page[page.index('class="statement-body"') :]
    assert "<li>mehr Sprachkurse</li>" in body and "<script" not in body


def test_the_text_can_be_previewed_before_saving(admin_client):
    paper = Paper.objects.get(term=17, number=1356)
    form = admin_client.get("/admin/statements/statement/add/").content.decode()
    button = re.search(r"<button[^>]*formaction=\"([^\"]+)\"[^>]*>([^<]+)</button>", form)
    assert button and "Vorschau" in button.group(2)
    data = statement_form(paper, body=PLAIN, title_en="Statement on the participation act")
    preview = admin_client.post(button.group(1), data)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "<li>mehr Sprachkurse</li>" in html and "<script>alert" not in html
    assert "Stellungnahme zum Teilhabegesetz" in html
    assert "Statement on the participation act" in html
    assert "nicht gespeichert" in html.lower() or "noch nicht gespeichert" in html
    assert not Statement.objects.filter(slug="teilhabegesetz").exists()


def test_only_staff_can_use_the_preview(client):
    response = client.post("/admin/statements/statement/vorschau/", {"body": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def admin_pages():
    for model in admin.site._registry:
        yield f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"


def test_no_admin_page_loads_anything_from_another_host(admin_client):
    checked = 0
    for url in admin_pages():
        response = admin_client.get(url)
        if response.status_code != 200:
            continue  # added elsewhere (registrations, mails)
        html = response.content.decode()
        external = re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', html)
        assert external == [], url
        assert "jquery-ui" not in html.lower(), url
        checked += 1
    assert checked > 10


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/admin/statements/statement/add/", "Titel"),
        ("/admin/qualification/module/add/", "Titel"),
        ("/admin/committees/committee/add/", "Hinweis"),
        ("/admin/statements/topic/add/", "Name"),
    ],
)
def test_each_language_field_is_labelled_with_its_language(admin_client, url, label):
    html = admin_client.get(url).content.decode()
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", html)
    for code in ("de", "en", "tr", "ar"):
        assert f"{label} [{code}]:" in labels, (code, labels)


def test_the_german_admin_explains_password_login_in_german(admin_client):
    html = admin_client.get("/admin/auth/user/add/").content.decode()
    assert "Whether the user will be able to authenticate" not in html
    assert "Passwort" in html

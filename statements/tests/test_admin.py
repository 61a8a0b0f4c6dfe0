"""The office drafts, previews and publishes statements and enters papers in the admin.

The admin speaks German to the office, so its messages are checked in German.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from statements.models import Attachment, Paper, Statement

from .factories import make_statement

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


def paper_form(**values):
    data = {
        "reference": "Drs. 18/4711",
        "kind": "gesetzentwurf",
        "title": "Gesetz zur Stärkung der Teilhabe",
        "date": "",
        "summary_de": "Kurz gesagt.",
        "summary_en": "",
        "summary_tr": "",
        "summary_ar": "",
    }
    data.update(values)
    return data


def test_a_paper_is_entered_by_its_reference_as_people_write_it(admin_client):
    response = admin_client.post("/admin/statements/paper/add/", paper_form())
    assert response.status_code == 302
    paper = Paper.objects.get(term=18, number=4711)
    assert paper.title == "Gesetz zur Stärkung der Teilhabe"


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("18-4711", "Wahlperiode und Nummer mit Schrägstrich"),
        ("Drs. 18/4711 und 18/4712", "Wahlperiode und Nummer mit Schrägstrich"),
        ("'; DROP TABLE x; --", "Wahlperiode und Nummer mit Schrägstrich"),
        ("0/1", "von 1 bis"),
        ("17/1356", "Die Drucksache 17/1356 ist bereits erfasst."),
    ],
)
def test_a_bad_reference_is_refused_with_a_clear_message(admin_client, reference, message):
    response = admin_client.post("/admin/statements/paper/add/", paper_form(reference=reference))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Gesetz zur Stärkung der Teilhabe" in html  # nothing typed is lost


def test_editing_a_paper_shows_its_reference(admin_client):
    paper = Paper.objects.get(term=17, number=1356)
    html = admin_client.get(f"/admin/statements/paper/{paper.pk}/change/").content.decode()
    assert 'value="17/1356"' in html


def test_paper_autocomplete_understands_references(admin_client):
    for term in ["17/1356", "Drs. 17/1356", "Integration verbindlich"]:
        response = admin_client.get(
            "/admin/autocomplete/",
            {
                "term": term,
                "app_label": "statements",
                "model_name": "statement",
                "field_name": "papers",
            },
        )
        assert response.status_code == 200
        texts = [r["text"] for r in response.json()["results"]]
        assert texts == [
            "17/1356 Integration verbindlich gestalten - Integrationsräte weiterentwickeln"
        ]


def statement_form(paper, **values):
    data = {
        "title_de": "Stellungnahme zum Teilhabegesetz",
        "title_en": "",
        "title_tr": "",
        "title_ar": "",
        "slug": "teilhabegesetz",
        "date": "",
        "summary_de": "Wir begrüßen das Gesetz.",
        "summary_en": "",
        "summary_tr": "",
        "summary_ar": "",
        "body": "<p>Text <script>alert(1)</script></p>",
        "papers": [paper.pk],
        "hearing": "",
        "status": "draft",
        "published_at": "",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "attachments-0-title": "",
        "attachments-0-position": "0",
    }
    data.update(values)
    return data


def test_draft_preview_publish(admin_client, client):
    paper = Paper.objects.get(term=17, number=1356)
    response = admin_client.post("/admin/statements/statement/add/", statement_form(paper))
    assert response.status_code == 302
    statement = Statement.objects.get(slug="teilhabegesetz")
    assert statement.status == "draft" and "<script" not in statement.body

    # Not public yet, but staff can preview it from the change form.
    assert client.get(statement.get_absolute_url()).status_code == 404
    change = admin_client.get(f"/admin/statements/statement/{statement.pk}/change/")
    preview = f"/de/stellungnahmen/vorschau/{statement.pk}/"
    assert preview in change.content.decode()
    assert "Stellungnahme zum Teilhabegesetz" in admin_client.get(preview).content.decode()

    # Publish with the list action.
    response = admin_client.post(
        "/admin/statements/statement/",
        {"action": "publish", "_selected_action": [statement.pk]},
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.is_public and statement.published_at
    assert client.get(statement.get_absolute_url()).status_code == 200

    # Once published, the permalink is fixed.
    change = admin_client.get(f"/admin/statements/statement/{statement.pk}/change/")
    assert 'name="slug"' not in change.content.decode()


def test_saving_as_published_sets_the_publication_date(admin_client):
    paper = Paper.objects.get(term=17, number=1356)
    response = admin_client.post(
        "/admin/statements/statement/add/", statement_form(paper, status="published")
    )
    assert response.status_code == 302
    assert Statement.objects.get(slug="teilhabegesetz").is_public


def test_withdrawing_hides_a_statement_again(admin_client, client):
    statement = make_statement()
    admin_client.post(
        "/admin/statements/statement/",
        {"action": "unpublish", "_selected_action": [statement.pk]},
    )
    assert client.get(statement.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("stellungnahme.pdf", b"<html>not a pdf</html>", "kein PDF-Dokument"),
        ("stellungnahme.docx", b"PK\x03\x04", "Nur PDF-Dateien können angehängt werden"),
    ],
)
def test_an_upload_that_is_not_a_pdf_gets_a_clear_error(
    admin_client, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    paper = Paper.objects.get(term=17, number=1356)
    data = statement_form(paper)
    data["attachments-0-title"] = "Die Stellungnahme"
    data["attachments-0-file"] = SimpleUploadedFile(name, content)
    response = admin_client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Stellungnahme zum Teilhabegesetz" in html  # the typed text is still there
    assert not Statement.objects.filter(slug="teilhabegesetz").exists()


def test_an_oversized_upload_gets_a_clear_error(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STATEMENTS_MAX_ATTACHMENT_MB = 1
    paper = Paper.objects.get(term=17, number=1356)
    data = statement_form(paper)
    data["attachments-0-title"] = "Groß"
    data["attachments-0-file"] = SimpleUploadedFile("gross.pdf", PDF + b"0" * (1024 * 1024 + 1))
    response = admin_client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 200
    assert "größer als die Grenze von 1 MB" in response.content.decode()


def test_a_pdf_upload_is_stored_with_its_checksum(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    paper = Paper.objects.get(term=17, number=1356)
    data = statement_form(paper)
    data["attachments-0-title"] = "Die Stellungnahme"
    data["attachments-0-file"] = SimpleUploadedFile("stellungnahme.pdf", PDF)
    assert admin_client.post("/admin/statements/statement/add/", data).status_code == 302
    attachment = Attachment.objects.get(statement__slug="teilhabegesetz")
    assert attachment.size == len(PDF) and len(attachment.sha256) == 64

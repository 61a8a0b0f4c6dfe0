import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.test import override_settings
from django.utils import translation

from statements.models import Attachment, Paper, PaperKind, Statement

from .factories import make_paper, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English, the language of the message ids."""
    with translation.override("en"):
        yield


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_seed_papers_refer_to_each_other():
    resolution = Paper.objects.get(term=17, number=1356)
    motion = Paper.objects.get(term=17, number=1287)
    assert resolution.get_kind_display().startswith("resolution motion")
    assert list(resolution.refers_to.all()) == [motion]
    assert list(motion.referred_by.all()) == [resolution]
    assert [o.name for o in resolution.originators.all()] == ["CDU", "FDP"]
    assert resolution.archive_url.endswith("/MMD17-1356.pdf")
    assert resolution.date is None  # the seed gives no date


def test_seed_statement_belongs_to_the_hearing_of_18_june_2018():
    statement = Statement.objects.get(slug="qualifizierung-migrantenselbstorganisationen")
    assert statement.is_public
    assert statement.date is None
    assert str(statement.hearing.date) == "2018-06-18"
    assert [p.reference for p in statement.papers.all()] == ["17/2157"]
    assert [p.reference for p in statement.hearing.papers.all()] == ["17/2157"]


def test_a_paper_reference_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_paper(term=17, number=1356)
    with pytest.raises(ValidationError, match="already exists"):
        Paper(term=17, number=1356, kind="antrag", title="x").full_clean()


def test_a_paper_term_out_of_range_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Paper.objects.create(term=0, number=1, kind="antrag", title="x")


def test_a_published_statement_needs_a_publication_date():
    statement = make_statement(published=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.filter(pk=statement.pk).update(status="published")


def test_publishing_sets_the_publication_date():
    statement = make_statement(published=False)
    assert not statement.is_public
    statement.status = Statement.Status.PUBLISHED
    statement.save()
    assert statement.published_at is not None and statement.is_public


def test_a_permalink_may_not_take_the_name_of_another_page():
    statement = Statement(title="x", summary="y", slug="suche")
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "slug" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        make_statement(slug="drucksachen")


def test_the_body_is_sanitised():
    statement = make_statement(
        body='<p onclick="x()">Gut <script>alert(1)</script><a href="javascript:x()">link</a>'
        '<img src="https://evil.example/x.png"><strong>fett</strong></p><style>p{}</style>'
    )
    statement.refresh_from_db()
    assert "<script" not in statement.body and "onclick" not in statement.body
    assert "javascript:" not in statement.body and "<img" not in statement.body
    assert "<style" not in statement.body
    assert "<strong>fett</strong>" in statement.body
    assert "<script" not in statement.body_html


def test_an_attachment_gets_its_size_and_checksum(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    statement = make_statement()
    attachment = Attachment(statement=statement, title="PDF", file=SimpleUploadedFile("s.pdf", PDF))
    attachment.full_clean()
    attachment.save()
    assert attachment.size == len(PDF)
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("s.pdf", b"MZ\x90\x00 this is an executable", "not a PDF"),
        ("s.pdf", b"", "not a PDF"),
        ("s.exe", PDF, "must end in .pdf"),
        ("bild.png", b"\x89PNG\r\n", "must end in .pdf"),
    ],
)
def test_an_attachment_that_is_not_a_pdf_is_refused(name, content, message):
    attachment = Attachment(
        statement=make_statement(), title="x", file=SimpleUploadedFile(name, content)
    )
    with pytest.raises(ValidationError) as error:
        attachment.full_clean()
    assert message in " ".join(error.value.message_dict["file"])


@override_settings(STATEMENTS_MAX_ATTACHMENT_MB=1)
def test_an_oversized_attachment_is_refused_with_the_limit():
    big = PDF + b"0" * (1024 * 1024)
    attachment = Attachment(
        statement=make_statement(), title="x", file=SimpleUploadedFile("big.pdf", big)
    )
    with pytest.raises(ValidationError) as error:
        attachment.full_clean()
    assert "limit of 1 MB" in " ".join(error.value.message_dict["file"])


def test_loading_the_portal_data_again_duplicates_nothing():
    from django.core.management import call_command

    from statements.models import Hearing, LandtagCommittee, Originator

    models = [Paper, Statement, Hearing, LandtagCommittee, Originator]
    before = {model: model.objects.count() for model in models}
    call_command("load_portal_data", verbosity=0)
    assert {model: model.objects.count() for model in models} == before
    statement = Statement.objects.get(slug="qualifizierung-migrantenselbstorganisationen")
    assert statement.papers.count() == 1 and statement.topics.count() == 2
    # Loaded rows are indexed for the search, too.
    assert "migrantenselbstorganisationen" in statement.search_text


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
def test_a_papers_kind_reads_as_djangos_own_label_in_every_language(language):
    paper = Paper.objects.get(term=17, number=1356)
    with translation.override(language):
        for kind in [*PaperKind.values, "not-a-kind"]:
            paper.kind = kind
            # Django's generated method, which Paper overrides with a faster one.
            django_label = Model._get_FIELD_display(paper, Paper._meta.get_field("kind"))
            assert paper.get_kind_display() == django_label
            assert isinstance(paper.get_kind_display(), str)

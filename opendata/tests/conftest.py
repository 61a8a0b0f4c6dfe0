"""Fixtures of the open data tests: an earlier term, a statement with a PDF, and a
client that reads the OParl interface the way an outside client does."""

import datetime
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from committees.models import CommitteeKind
from committees.tests.factories import make_committee, make_term
from municipalities.tests.factories import make_municipality
from statements.models import Attachment, Hearing, LandtagCommittee
from statements.tests.factories import make_paper, make_statement

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def extra_records(db, settings, tmp_path):
    """Records the real data does not have: an earlier-term committee, papers that refer
    to each other, a hearing on them and a published statement with a PDF."""
    settings.MEDIA_ROOT = tmp_path
    term = make_term(datetime.date(2014, 6, 1), datetime.date(2020, 10, 31))
    town = make_municipality(name="Übach-Testheim")
    earlier = make_committee(town, term, kind=CommitteeKind.INTEGRATIONSRAT, is_member=False)
    motion = make_paper(term=18, title="Testantrag")
    resolution = make_paper(term=18, title="Testentschließungsantrag")
    resolution.refers_to.add(motion)
    landtag_committee = LandtagCommittee.objects.create(name="Testausschuss", slug="testausschuss")
    hearing = Hearing.objects.create(committee=landtag_committee, date=datetime.date(2024, 3, 5))
    hearing.papers.add(motion)
    statement = make_statement(papers=[motion], hearing=hearing)
    attachment = Attachment.objects.create(
        statement=statement, title="Stellungnahme als PDF", file=SimpleUploadedFile("s.pdf", PDF)
    )
    return {
        "committee": earlier,
        "municipality": town,
        "motion": motion,
        "resolution": resolution,
        "hearing": hearing,
        "statement": statement,
        "attachment": attachment,
        "pdf_sha512": hashlib.sha512(PDF).hexdigest(),
    }


class OParlClient:
    """Reads ids (absolute URLs under SITE_URL) through the Django test client."""

    def __init__(self, client, site_url):
        self.client = client
        self.site_url = site_url

    def response(self, url, **extra):
        assert url.startswith(self.site_url), url
        return self.client.get(url[len(self.site_url) :], **extra)

    def get(self, url, **extra):
        response = self.response(url, **extra)
        assert response.status_code == 200, (url, response.content[:500])
        return response.json()

    def all_of(self, list_url):
        """Every object of a list, following `links.next`."""
        objects, url, seen = [], list_url, set()
        while url:
            assert url not in seen, "pagination loops"
            seen.add(url)
            page = self.get(url)
            objects += page["data"]
            url = page["links"].get("next")
        return objects


@pytest.fixture
def oparl(client, settings):
    return OParlClient(client, settings.SITE_URL)

"""The OParl 1.1 interface as a client sees it."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from committees.models import Committee
from statements.models import Attachment, Hearing, Paper, Statement
from statements.tests.factories import make_paper, make_statement

from .oparl_checks import has_official_schema, schema_problems, spec_problems

pytestmark = pytest.mark.django_db


def embedded_objects(value):
    """Objects with an id inside another object (Files, Consultations, LegislativeTerms)."""
    if isinstance(value, dict):
        if "id" in value and "type" in value:
            yield value
        for item in value.values():
            yield from embedded_objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from embedded_objects(item)


def walk(oparl):
    """Read the whole interface from the System on: every list, every object by its id."""
    system = oparl.get(oparl.site_url + "/oparl/v1/")
    objects = {system["id"]: system}
    for body in oparl.all_of(system["body"]):
        objects[body["id"]] = oparl.get(body["id"])
        assert objects[body["id"]] == body, "a body answers its id with itself"
        for prop in (
            "organization",
            "person",
            "meeting",
            "paper",
            "agendaItem",
            "consultation",
            "file",
            "locationList",
            "legislativeTermList",
            "membership",
        ):
            for item in oparl.all_of(body[prop]):
                objects[item["id"]] = item
    for obj in list(objects.values()):
        for inner in embedded_objects(obj):
            objects.setdefault(inner["id"], inner)
    dereferenced = {url: oparl.get(url) for url in objects}
    return objects, dereferenced


def test_a_client_walking_the_interface_reaches_everything_and_every_object_validates(
    oparl, extra_records
):
    listed, dereferenced = walk(oparl)
    ids = set(dereferenced)

    def api(kind, pk):
        return f"{oparl.site_url}/oparl/v1/{kind}/{pk}/"

    assert {api("committee", pk) for pk in Committee.objects.values_list("pk", flat=True)} <= ids
    assert {api("paper", pk) for pk in Paper.objects.values_list("pk", flat=True)} <= ids
    assert {api("meeting", pk) for pk in Hearing.objects.values_list("pk", flat=True)} <= ids
    public = Statement.objects.published()
    assert {api("statement", pk) for pk in public.values_list("pk", flat=True)} <= ids
    files = Attachment.objects.filter(statement__in=public).values_list("pk", flat=True)
    assert {api("file", pk) for pk in files} <= ids
    assert api("committee", extra_records["committee"].pk) in ids

    problems = []
    validated = set()
    for url, obj in dereferenced.items():
        assert obj["id"] == url, "an id answers the object with that id"
        problems += spec_problems(obj) + schema_problems(obj)
        if has_official_schema(obj):
            validated.add(obj["type"].rsplit("/", 1)[-1])
    for obj in listed.values():
        problems += spec_problems(obj) + schema_problems(obj)
    assert problems == []
    assert validated >= {"System", "Body", "Organization", "Meeting", "Paper"}


def test_committee_organization_has_its_term_kind_and_body(oparl, extra_records):
    committee = extra_records["committee"]
    obj = oparl.get(f"{oparl.site_url}/oparl/v1/committee/{committee.pk}/")
    assert obj["name"] == "Integrationsrat der Stadt Übach-Testheim"
    assert obj["classification"] == "Integrationsrat"
    assert obj["organizationType"] == "Gremium"
    assert (obj["startDate"], obj["endDate"]) == ("2014-06-01", "2020-10-31")
    assert obj["body"] == f"{oparl.site_url}/oparl/v1/body/{committee.municipality.ags}/"
    assert obj["web"].endswith(committee.get_absolute_url())
    assert obj["keyword"] == []
    body = oparl.get(obj["body"])
    assert body["ags"] == committee.municipality.ags
    assert body["classification"] == "Stadt"
    assert [t["startDate"] for t in body["legislativeTerm"]] == ["2014-06-01"]
    assert oparl.all_of(body["person"]) == [] and oparl.all_of(body["membership"]) == []


def test_papers_relate_in_both_directions_and_link_hearing_and_statement(oparl, extra_records):
    base = f"{oparl.site_url}/oparl/v1"
    motion, resolution = extra_records["motion"], extra_records["resolution"]
    statement, hearing = extra_records["statement"], extra_records["hearing"]
    motion_obj = oparl.get(f"{base}/paper/{motion.pk}/")
    resolution_obj = oparl.get(f"{base}/paper/{resolution.pk}/")
    assert f"{base}/paper/{resolution.pk}/" in motion_obj["relatedPaper"]
    assert f"{base}/statement/{statement.pk}/" in motion_obj["relatedPaper"]
    assert resolution_obj["relatedPaper"] == [f"{base}/paper/{motion.pk}/"]
    assert motion_obj["reference"] == motion.reference
    assert motion_obj["paperType"] == "Antrag"
    [consultation] = motion_obj["consultation"]
    assert consultation["meeting"] == f"{base}/meeting/{hearing.pk}/"
    assert oparl.get(consultation["id"])["paper"] == f"{base}/paper/{motion.pk}/"

    statement_obj = oparl.get(f"{base}/statement/{statement.pk}/")
    assert statement_obj["paperType"] == "Stellungnahme"
    assert statement_obj["body"] == f"{base}/body/lir/"
    assert statement_obj["relatedPaper"] == [f"{base}/paper/{motion.pk}/"]
    main = statement_obj["mainFile"]
    assert main["mimeType"] == "application/pdf"
    assert main["sha512Checksum"] == extra_records["pdf_sha512"]
    assert main["size"] == extra_records["attachment"].size
    download = oparl.response(main["downloadUrl"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert oparl.response(main["accessUrl"]).status_code == 200

    meeting = oparl.get(f"{base}/meeting/{hearing.pk}/")
    assert [f["id"] for f in meeting["auxiliaryFile"]] == [main["id"]]


def test_lists_paginate_with_limit_and_links(oparl):
    first = oparl.get(f"{oparl.site_url}/oparl/v1/bodies/?limit=7")
    total = first["pagination"]["totalElements"]
    assert first["pagination"]["elementsPerPage"] == 7
    assert first["pagination"]["totalPages"] == -(-total // 7)
    assert "prev" not in first["links"] and "next" in first["links"]
    everything = oparl.all_of(f"{oparl.site_url}/oparl/v1/bodies/?limit=7")
    assert len(everything) == total == len({body["id"] for body in everything})
    last = oparl.get(first["links"]["last"])
    assert "next" not in last["links"] and "prev" in last["links"]
    beyond = oparl.response(f"{oparl.site_url}/oparl/v1/bodies/?limit=7&page=999")
    assert beyond.status_code == 404 and beyond.json()["error"]["status"] == 404


def test_filters_select_by_created_and_modified(oparl, extra_records):
    url = f"{oparl.site_url}/oparl/v1/body/landtag/papers/"
    everything = oparl.all_of(url)
    later = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    assert oparl.all_of(f"{url}?modified_since={later.replace('+', '%2B')}") == []
    assert oparl.all_of(f"{url}?created_until=2000-01-01T00:00:00%2B01:00") == []
    assert oparl.all_of(f"{url}?created_since=2000-01-01T00:00:00") == everything
    # An unencoded "+" arrives as a space: still understood.
    assert oparl.all_of(f"{url}?modified_until={later}") == everything
    page = oparl.get(f"{url}?modified_since=2000-01-01T00:00:00Z&limit=1")
    assert "modified_since=2000-01-01T00%3A00%3A00Z" in page["links"]["next"]


@pytest.mark.parametrize(
    "query",
    [
        "modified_since=yesterday",
        "created_until=2024-13-40T00:00:00",
        "limit=0",
        "limit=abc",
        "limit=100000",
        "page=-1",
        "page=x",
    ],
)
def test_bad_filter_values_answer_400_with_a_message(oparl, query):
    response = oparl.response(f"{oparl.site_url}/oparl/v1/bodies/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["error"]["message"]


@pytest.mark.parametrize(
    "path",
    [
        "committee/999999/",
        "committee/abc/",
        "body/05999999/",
        "body/05999999/papers/",
        "body/landtag/nothing/",
        "whatever/1/",
        "consultation/1-x/",
        "landtag-term/3/",
        "file/999999/",
        "a/b/c/d/",
    ],
)
def test_unknown_ids_answer_404_in_json(oparl, path):
    response = oparl.response(f"{oparl.site_url}/oparl/v1/{path}")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_only_get_and_head(client):
    assert client.head("/oparl/v1/").status_code == 200
    for method in (client.post, client.put, client.delete):
        response = method("/oparl/v1/bodies/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["error"]["status"] == 405


def test_answers_are_open_json_without_cookies_and_the_same_in_every_language(client):
    german = client.get("/oparl/v1/body/landtag/", HTTP_ACCEPT_LANGUAGE="de")
    arabic = client.get("/oparl/v1/body/landtag/", HTTP_ACCEPT_LANGUAGE="ar")
    assert german["Content-Type"] == "application/json; charset=utf-8"
    assert german["Access-Control-Allow-Origin"] == "*"
    assert not german.cookies and not arabic.cookies
    assert german.content == arabic.content
    assert "Landtag Nordrhein-Westfalen" in german.content.decode("utf-8")
    assert client.get("/oparl/v1/").json()["oparlVersion"] == "https://schema.oparl.org/1.1/"


def test_a_deleted_committee_stays_as_deleted_for_syncing_clients(oparl, extra_records):
    committee, town = extra_records["committee"], extra_records["municipality"]
    before = timezone.now().isoformat().replace("+", "%2B")
    committee_id = f"{oparl.site_url}/oparl/v1/committee/{committee.pk}/"
    body_id = f"{oparl.site_url}/oparl/v1/body/{town.ags}/"
    committee.delete()

    assert oparl.get(committee_id) == {
        "id": committee_id,
        "type": "https://schema.oparl.org/1.1/Organization",
        "deleted": True,
        "created": oparl.get(committee_id)["created"],
        "modified": oparl.get(committee_id)["modified"],
    }
    changed = oparl.all_of(f"{oparl.site_url}/oparl/v1/bodies/?modified_since={before}")
    assert [b["id"] for b in changed if b.get("deleted")] == [body_id]
    organizations = oparl.all_of(f"{body_id}organizations/?modified_since={before}")
    assert [o["id"] for o in organizations] == [committee_id]


def test_a_withdrawn_statement_and_its_file_become_deleted(oparl, extra_records):
    statement, attachment = extra_records["statement"], extra_records["attachment"]
    statement.status = Statement.Status.DRAFT
    statement.save()
    assert oparl.get(f"{oparl.site_url}/oparl/v1/statement/{statement.pk}/")["deleted"] is True
    assert oparl.get(f"{oparl.site_url}/oparl/v1/file/{attachment.pk}/")["deleted"] is True
    statement.status = Statement.Status.PUBLISHED
    statement.save()
    assert "deleted" not in oparl.get(f"{oparl.site_url}/oparl/v1/statement/{statement.pk}/")


def test_a_new_link_moves_modified_on_both_sides(oparl, extra_records):
    hearing, resolution = extra_records["hearing"], extra_records["resolution"]
    base = f"{oparl.site_url}/oparl/v1"
    before_meeting = oparl.get(f"{base}/meeting/{hearing.pk}/")["modified"]
    before_paper = oparl.get(f"{base}/paper/{resolution.pk}/")["modified"]
    hearing.papers.add(resolution)
    assert oparl.get(f"{base}/meeting/{hearing.pk}/")["modified"] > before_meeting
    assert oparl.get(f"{base}/paper/{resolution.pk}/")["modified"] > before_paper
    hearing.papers.remove(resolution)
    consultation = oparl.get(f"{base}/consultation/{hearing.pk}-{resolution.pk}/")
    assert consultation["deleted"] is True


@pytest.mark.parametrize("kind", ["landtag/papers", "landtag/meetings", "lir/papers"])
def test_a_list_page_reads_the_relations_of_its_own_rows_only(oparl, extra_records, kind):
    """The objects of a list are the objects their ids answer; a page costs the same
    queries however long the whole list is, and reads the relations of its rows only."""
    url = f"{oparl.site_url}/oparl/v1/body/{kind}/?limit=2"

    def read():
        oparl.get(url)  # the first request fills the caches of site-wide facts
        with CaptureQueriesContext(connection) as queries:
            oparl.get(url)
        sql = [query["sql"] for query in queries.captured_queries]
        # Relations are read for the ids of the rows shown: "... IN (%s, %s)".
        id_lists = [ids for query in sql for ids in re.findall(r" IN \(([^()]*)\)", query)]
        return len(sql), max(ids.count(",") + 1 for ids in id_lists)

    few, _width = read()
    motion = extra_records["motion"]
    for day in range(1, 6):
        paper = make_paper(term=18)
        paper.refers_to.add(motion)
        hearing = Hearing.objects.create(
            committee=extra_records["hearing"].committee, date=datetime.date(2025, 1, day)
        )
        hearing.papers.add(paper, motion)
        make_statement(papers=[paper, motion], hearing=hearing)
    everything = oparl.all_of(url)
    assert len(everything) > 5
    for obj in everything:
        assert obj == oparl.get(obj["id"])
    assert read() == (few, 2)

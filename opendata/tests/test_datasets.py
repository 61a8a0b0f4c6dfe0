"""The data sets: they download, validate as a Data Package and match the pages."""

import csv
import io
import json

import pytest
from frictionless import validate

from committees.models import Term
from opendata.tests.oparl_checks import schema_problems

pytestmark = pytest.mark.django_db

NAMES = ("committees", "municipalities", "papers", "statements")


def rows(client, name):
    response = client.get(f"/daten/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_the_data_package_and_its_files_validate(client, tmp_path, extra_records):
    package = client.get("/daten/datapackage.json").json()
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    for resource in package["resources"]:
        content = client.get(f"/daten/{resource['path']}").content
        (tmp_path / resource["path"]).write_bytes(content)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [r["name"] for r in package["resources"]] == list(NAMES)


def test_each_file_names_its_licence_and_sources(client, settings):
    settings.OPEN_DATA_LICENSE_NAME = "CC BY 4.0"
    settings.OPEN_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
    resources = {r["name"]: r for r in client.get("/daten/datapackage.json").json()["resources"]}
    assert [lic["path"] for lic in resources["municipalities"]["licenses"]] == [
        "https://www.govdata.de/dl-de/by-2-0"
    ]
    assert "GV-ISys" in resources["municipalities"]["sources"][0]["title"]
    committee_licences = [lic["path"] for lic in resources["committees"]["licenses"]]
    assert committee_licences == [
        "https://creativecommons.org/licenses/by/4.0/",
        "https://www.govdata.de/dl-de/by-2-0",
    ]
    for name in NAMES:
        assert resources[name]["sources"] and resources[name]["licenses"]


def test_json_has_the_same_rows_as_csv(client):
    for name in NAMES:
        from_json = client.get(f"/daten/{name}.json").json()
        from_csv = rows(client, name)
        assert len(from_json) == len(from_csv)
        assert [str(row[next(iter(row))]) for row in from_json] == [
            row[next(iter(row))] for row in from_csv
        ]


def test_counts_match_what_the_pages_show(client):
    term = Term.objects.current()
    committees = [row for row in rows(client, "committees") if row["term_start"] == str(term.start)]
    page = client.get("/de/ausschuesse/")
    assert len(committees) == page.context["result_count"]
    # The same committees in the same (German alphabetical) order as the page.
    assert [row["municipality"] for row in committees] == [
        committee.municipality.name for committee in page.context["results"]
    ]
    assert (
        len(rows(client, "municipalities")) == client.get("/de/kommunen/").context["result_count"]
    )
    assert (
        len(rows(client, "papers"))
        == client.get("/de/stellungnahmen/drucksachen/").context["result_count"]
    )
    assert (
        len(rows(client, "statements")) == client.get("/de/stellungnahmen/").context["result_count"]
    )


def test_earlier_terms_and_membership_are_in_the_committee_data(client, extra_records):
    [row] = [r for r in rows(client, "committees") if r["municipality"] == "Übach-Testheim"]
    assert row["kind"] == "Integrationsrat"
    assert row["term"] == "2014–2020"
    assert row["member_of_lir"] == "false"
    assert row["ags"] == extra_records["municipality"].ags


def test_unknown_data_set_is_404(client):
    assert client.get("/daten/persons.csv").status_code == 404
    assert client.get("/daten/committees.xlsx").status_code == 404


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
def test_open_data_page_in_every_language(client, language):
    response = client.get(f"/{language}/offene-daten/")
    html = response.content.decode("utf-8")
    assert response.status_code == 200
    assert f'lang="{language}"' in html
    for name in NAMES:
        assert f'href="/daten/{name}.csv"' in html and f'href="/daten/{name}.json"' in html
    assert 'href="/daten/datapackage.json"' in html
    assert "/oparl/v1/" in html
    assert "Datenlizenz Deutschland – Namensnennung 2.0" in html


def test_the_page_shows_the_licence_the_office_set(client, settings):
    no_licence = client.get("/en/offene-daten/").content.decode("utf-8")
    assert "has not yet chosen a licence" in no_licence
    settings.OPEN_DATA_LICENSE_NAME = "CC BY 4.0"
    settings.OPEN_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
    html = client.get("/en/offene-daten/").content.decode("utf-8")
    assert '<a href="https://creativecommons.org/licenses/by/4.0/"><bdi>CC BY 4.0</bdi></a>' in html
    assert client.get("/oparl/v1/").json()["license"] == settings.OPEN_DATA_LICENSE_URL


def test_footer_and_sitemap_lead_to_the_page(client):
    assert 'href="/de/offene-daten/"' in client.get("/de/").content.decode("utf-8")
    assert "/sitemap-open-data.xml" in client.get("/sitemap.xml").content.decode("utf-8")
    section = client.get("/sitemap-open-data.xml").content.decode("utf-8")
    assert "/de/offene-daten/" in section


def test_the_schema_check_can_fail():
    broken = {"id": "not a url", "type": "https://schema.oparl.org/1.1/Body", "name": 3}
    assert len(schema_problems(broken)) >= 3

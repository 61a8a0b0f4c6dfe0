import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from committees.models import Committee

from .factories import make_committee, make_earlier_committee

pytestmark = pytest.mark.django_db


def names_in(response):
    return [c.municipality.name for _, group in response.context["groups"] for c in group]


def test_index_lists_every_current_committee_grouped_by_letter(client):
    response = client.get("/de/ausschuesse/")
    assert response.status_code == 200
    assert response.context["result_count"] == Committee.objects.current().count()
    letters = [letter for letter, _ in response.context["groups"]]
    assert letters == sorted(letters)
    assert "Mülheim an der Ruhr" in names_in(response)
    assert "Ibbenbüren" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("regierungsbezirk=7", {"Bielefeld", "Detmold", "Herford", "Hiddenhausen"}),
        ("district=05758", {"Herford", "Hiddenhausen", "Löhne"}),
        ("member=no", {"Kreuztal"}),
        ("q=Siegen-Wittgenstein", {"Siegen", "Kreuztal"}),
        ("q=koeln", {"Köln"}),
        ("q=Integrationsrat+K%C3%B6ln", {"Köln"}),
        ("q=Ausschuss+f%C3%BCr+Chancengerechtigkeit+Gemeinde+Hiddenhausen", {"Hiddenhausen"}),
    ],
)
def test_filters(client, query, expected):
    if "Integrationsrat" in query:
        make_earlier_committee(cologne())
    response = client.get(f"/de/ausschuesse/?{query}")
    assert response.status_code == 200
    names = set(names_in(response))
    assert expected <= names
    if query.startswith(("district", "member", "q=koeln", "q=Integrationsrat", "q=Ausschuss")):
        assert names == expected
    assert f"{len(names)} von" in response.content.decode()


def test_filters_combine(client):
    response = client.get("/de/ausschuesse/?regierungsbezirk=9&member=no")
    assert set(names_in(response)) == {"Kreuztal"}
    response = client.get("/de/ausschuesse/?regierungsbezirk=1&member=no")
    assert names_in(response) == []
    assert "Kein Ausschuss passt" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "regierungsbezirk=8",
        "district=nonsense",
        "member=perhaps",
        "q=" + "x" * 5000,
        "q=%27%3B+DROP+TABLE+committees_committee%3B+--",
        "q=%F0%9F%98%80",
        "regierungsbezirk[]=1&district=%00",
    ],
)
def test_nonsense_filter_values_give_a_page_not_an_error(client, query):
    response = client.get(f"/de/ausschuesse/?{query}")
    assert response.status_code == 200
    assert Committee.objects.exists()


def test_invalid_values_are_ignored_with_a_message(client):
    response = client.get("/en/ausschuesse/?regierungsbezirk=8&member=no")
    content = response.content.decode()
    assert "not understood" in content
    # the valid filter still applies
    assert set(names_in(response)) == {"Kreuztal"}


def cologne():
    from municipalities.models import Municipality

    return Municipality.objects.get(slug="koeln")


def test_committee_page_shows_name_former_names_history_and_membership(client):
    make_earlier_committee(cologne())
    response = client.get("/de/ausschuesse/koeln/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ausschuss für Chancengerechtigkeit und Integration der Stadt Köln" in content
    assert response.context["former_names"] == ["Integrationsrat der Stadt Köln"]
    assert [str(c.term) for c in response.context["history"]] == ["2025–2030", "2020–2025"]


def test_without_an_entered_earlier_body_the_page_states_no_former_name(client):
    response = client.get("/de/ausschuesse/koeln/")
    content = response.content.decode()
    assert response.context["former_names"] == []
    assert [str(c.term) for c in response.context["history"]] == ["2025–2030"]
    assert "Integrationsrat der Stadt Köln" not in content
    # the law of the time, in general words
    assert "Integrationsrat" in content and "Integrationsausschuss" in content
    assert client.get("/de/ausschuesse/koeln/2020-2025/").status_code == 404


def test_earlier_term_page(client):
    make_earlier_committee(cologne())
    response = client.get("/de/ausschuesse/koeln/2020-2025/")
    assert response.status_code == 200
    assert response.context["committee"].official_name == "Integrationsrat der Stadt Köln"
    assert client.get("/de/ausschuesse/koeln/1999-2004/").status_code == 404


def test_unknown_slugs_give_the_404_page(client):
    for url in ("/de/ausschuesse/atlantis/", "/en/kommunen/atlantis/", "/tr/ausschuesse/x/y/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Page not found" not in response.content.decode() or url.startswith("/en/")


def test_municipality_without_committee_says_so_and_lists_the_nearest(client):
    response = client.get("/en/kommunen/haan/")
    assert response.status_code == 200
    assert response.context["committee"] is None
    assert "has no committee" in response.content.decode()
    distances = [c.distance for c in response.context["nearest"]]
    assert distances == sorted(distances)
    assert len(distances) == 5
    # Haan lies between Hilden, Solingen, Erkrath and Wuppertal.
    assert {c.municipality.name for c in response.context["nearest"][:3]} <= {
        "Hilden",
        "Solingen",
        "Erkrath",
        "Wuppertal",
        "Mettmann",
        "Langenfeld (Rheinland)",
    }


def test_municipality_with_committee_links_to_it(client):
    response = client.get("/de/kommunen/hiddenhausen/")
    assert response.context["committee"].municipality.name == "Hiddenhausen"
    assert "/de/ausschuesse/hiddenhausen/" in response.content.decode()


def test_municipality_index_answers_for_every_town(client, source_counts):
    response = client.get("/de/kommunen/")
    assert response.context["result_count"] == source_counts["municipalities"]
    assert response.context["with_committee"] == source_counts["current_committees"]
    response = client.get("/de/kommunen/?q=haan")
    assert response.context["result_count"] == 1
    response = client.get("/de/kommunen/?q=" + "y" * 500 + "&regierungsbezirk=x")
    assert response.status_code == 200
    assert response.context["result_count"] == source_counts["municipalities"]
    assert "nicht verstanden" in response.content.decode()


def test_municipality_index_filters_by_committee_and_kreis(client, source_counts):
    without = client.get("/de/kommunen/?committee=no&district=05158").context
    names = {m.name for _, group in without["groups"] for m in group}
    assert "Haan" in names and "Hilden" not in names
    assert without["with_committee"] == 0
    with_committee = client.get("/de/kommunen/?committee=yes").context
    assert with_committee["result_count"] == with_committee["with_committee"]
    assert with_committee["with_committee"] == source_counts["current_committees"]
    assert client.get("/de/kommunen/?q=muelheim").context["result_count"] == 1


def test_map_has_a_point_for_every_committee(client):
    response = client.get("/de/karte/")
    content = response.content.decode()
    assert content.count("<circle") == Committee.objects.current().count()
    assert 'class="land"' in content
    assert "," not in content.split('<circle cx="')[1].split('"')[0]  # no decimal comma in SVG


def test_statistics_show_published_figures_with_source_and_a_table(client, source_counts):
    response = client.get("/de/statistik/")
    content = response.content.decode()
    assert "43,15" in content and "35,5" in content and "mehr als 90" in content
    assert "<table" in content and "<svg" in content and "<desc" in content
    committees, municipalities = (
        source_counts["current_committees"],
        source_counts["municipalities"],
    )
    assert response.context["committee_count"] == committees
    assert sum(row["committees"] for row in response.context["bezirke"]) == committees
    assert sum(row["municipalities"] for row in response.context["bezirke"]) == municipalities


def test_home_shows_the_computed_number_of_committees(client, source_counts):
    make_committee()
    expected = source_counts["current_committees"] + 1
    response = client.get("/de/")
    assert response.context["committee_count"] == Committee.objects.current().count() == expected
    assert f">{expected}<" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/de/ausschuesse/", "/de/karte/", "/de/kommunen/", "/de/statistik/", "/de/"]
)
def test_query_count_does_not_grow_with_the_number_of_committees(client, url):
    client.get(url)  # warm caches (current term, translations)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(30):
        make_committee()
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)


def test_detail_pages_query_count_is_bounded(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/kommunen/koeln/")
    assert len(queries) <= 8

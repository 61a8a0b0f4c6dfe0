"""German alphabetical order, umlaut-free and misspelt names, numbers in the reader's format."""

import pytest
from django.db import connection

from committees.models import Committee
from helpers.text import german_sort_key
from municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def names_in_groups(response):
    return [item for _letter, group in response.context["groups"] for item in group]


def test_the_municipality_index_sorts_as_german_readers_expect(client):
    response = client.get("/de/kommunen/")
    names = [m.name for m in names_in_groups(response)]
    assert names == sorted(names, key=german_sort_key)
    assert names.index("Bönen") < names.index("Bonn") < names.index("Burscheid")
    assert names.index("Dörentrup") < names.index("Duisburg")
    letters = [letter for letter, _group in response.context["groups"]]
    assert letters == sorted(set(letters)), "one group per letter, in order"
    u_group = dict(response.context["groups"])["U"]
    assert "Übach-Palenberg" in [m.name for m in u_group]
    assert response.content.decode().count('id="letter-U"') == 1


def test_the_committee_index_and_the_near_me_choices_follow_the_same_order(client):
    committees = [c.municipality.name for c in names_in_groups(client.get("/de/ausschuesse/"))]
    assert committees == sorted(committees, key=german_sort_key)
    assert committees.index("Bönen") < committees.index("Bonn")
    finder = client.get("/de/qualifizierung/seminare/")
    choices = [
        label for value, label in finder.context["filter"].form.fields["near"].choices if value
    ]
    assert choices == sorted(choices, key=german_sort_key)


def test_names_typed_without_umlauts_are_found(client):
    for typed in ("Ibbenburen", "ibbenbueren", "IBBENBÜREN"):
        response = client.get("/de/kommunen/", {"q": typed})
        assert [m.name for m in names_in_groups(response)] == ["Ibbenbüren"], typed
    response = client.get("/de/ausschuesse/", {"q": "Monchengladbach"})
    assert [c.municipality.name for c in names_in_groups(response)] == ["Mönchengladbach"]


def test_a_name_that_matches_nothing_gets_suggestions_not_a_verdict(client):
    response = client.get("/de/kommunen/", {"q": "Gelsenkirchn"})
    if connection.vendor == "postgresql":
        # PostgreSQL measures the typo and finds the town itself.
        assert [m.name for m in names_in_groups(response)] == ["Gelsenkirchen"]
        response = client.get("/de/kommunen/", {"q": "Gelsnkrchen"})
    assert response.context["results"] == []
    suggested = [m.name for m in response.context["suggestions"]]
    assert suggested[0] == "Gelsenkirchen"
    html = response.content.decode()
    assert "Ähnliche Namen" in html and "/de/kommunen/gelsenkirchen/" in html
    assert "keinen" not in html.split("Ähnliche Namen")[0].split("<main")[-1]


@pytest.mark.postgres
def test_small_typos_match_on_postgresql(client):
    response = client.get("/de/ausschuesse/", {"q": "Dusseldrof"})
    assert [c.municipality.name for c in names_in_groups(response)] == ["Düsseldorf"]
    response = client.get("/de/kommunen/", {"q": "Bielfeld"})
    assert [m.name for m in names_in_groups(response)] == ["Bielefeld"]


def test_the_site_search_suggests_names_when_it_finds_nothing(client):
    response = client.get("/de/stellungnahmen/suche/", {"q": "Wupertahl"})
    assert response.context["total"] == 0
    assert [m.name for m in response.context["suggestions"]][:1] == ["Wuppertal"]


@pytest.mark.page_cache
def test_the_suggested_names_follow_a_renamed_municipality(client):
    """With the page cache the names are remembered, for one content version only."""

    def suggested(text):
        response = client.get("/de/stellungnahmen/suche/", {"q": text})
        return [m.name for m in response.context["suggestions"]]

    # "xy" matches no name, so nothing is found on any database.
    assert suggested("Wuppertal xy")[:1] == ["Wuppertal"]
    town = Municipality.objects.get(name="Wuppertal")
    town.name = "Wupperberg"
    town.save()
    assert suggested("Wupperberg xy")[:1] == ["Wupperberg"]


@pytest.mark.parametrize(("language", "separator"), [("de", "."), ("en", ","), ("tr", ".")])
def test_large_numbers_are_grouped_in_the_readers_format(client, language, separator):
    town = Municipality.objects.filter(population__gte=10000).order_by("population").first()
    expected = f"{town.population:,}".replace(",", separator)
    html = client.get(f"/{language}/kommunen/{town.slug}/").content.decode()
    assert expected in html


def test_committees_keep_their_order_in_the_database():
    names = list(Committee.objects.current().values_list("municipality__name", flat=True))
    assert names == sorted(names, key=german_sort_key)

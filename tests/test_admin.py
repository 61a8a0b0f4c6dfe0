"""Office staff edit the registry in the admin."""

import pytest

from committees.models import RENAME_DATE, Committee, Term
from municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def test_admin_lists_search_and_filter(admin_client):
    response = admin_client.get("/admin/committees/committee/?q=Hiddenhausen")
    assert response.status_code == 200
    assert "Ausschuss für Chancengerechtigkeit und Integration der Gemeinde Hiddenhausen" in (
        response.content.decode()
    )
    term = Term.objects.get(start=RENAME_DATE)
    response = admin_client.get(
        f"/admin/committees/committee/?term__id__exact={term.pk}&is_member__exact=0"
    )
    assert "Kreuztal" in response.content.decode()
    assert admin_client.get("/admin/municipalities/municipality/?q=05315000").status_code == 200


def test_admin_autocomplete_finds_municipalities(admin_client):
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "Hidd",
            "app_label": "committees",
            "model_name": "committee",
            "field_name": "municipality",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Hiddenhausen"]


def test_admin_adds_a_committee_and_shows_the_derived_name(admin_client):
    haan = Municipality.objects.get(slug="haan")
    term = Term.objects.get(start=RENAME_DATE)
    response = admin_client.post(
        "/admin/committees/committee/add/",
        {
            "municipality": haan.pk,
            "term": term.pk,
            "kind": "chancengerechtigkeit",
            "is_member": "on",
            "seats_elected": "9",
            "seats_delegated": "4",
            "contact_email": "integration@example.org",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    committee = Committee.objects.get(municipality=haan, term=term)
    assert (
        committee.official_name
        == "Ausschuss für Chancengerechtigkeit und Integration der Stadt Haan"
    )
    change = admin_client.get(
        f"/admin/committees/committee/{committee.pk}/change/"
    ).content.decode()
    assert "der Stadt Haan" in change
    # translation tabs for the note (modeltranslation)
    assert "id_note_ar" in change and "id_note_de" in change


def test_admin_edit_keeps_everything_else(admin_client):
    committee = Committee.objects.current().get(municipality__slug="koeln")
    response = admin_client.post(
        f"/admin/committees/committee/{committee.pk}/change/",
        {
            "municipality": committee.municipality_id,
            "term": committee.term_id,
            "kind": committee.kind,
            "is_member": "on",
            "chair_name": "",
            "website": "https://www.stadt-koeln.de/",
            "note_de": "Sitzungen monatlich.",
            "note_en": "Meets monthly.",
        },
    )
    assert response.status_code == 302
    committee.refresh_from_db()
    assert committee.website == "https://www.stadt-koeln.de/"
    assert committee.note_en == "Meets monthly."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"municipality": "koeln"}, "bereits einen Ausschuss"),
        ({"kind": "integrationsrat"}, "1. November 2025"),
        ({"contact_email": "not-an-email"}, "E-Mail-Adresse"),
        ({"seats_elected": "-3"}, "größer oder gleich 0"),
    ],
)
def test_admin_refuses_bad_input_with_a_clear_message(admin_client, data, message):
    haan = Municipality.objects.get(slug="haan")
    term = Term.objects.get(start=RENAME_DATE)
    post = {
        "municipality": haan.pk,
        "term": term.pk,
        "kind": "chancengerechtigkeit",
        "is_member": "on",
    }
    if data.get("municipality") == "koeln":
        data = {"municipality": Municipality.objects.get(slug="koeln").pk}
    post.update(data)
    count = Committee.objects.count()
    response = admin_client.post("/admin/committees/committee/add/", post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Committee.objects.count() == count


def test_admin_refuses_an_invalid_key(admin_client):
    cologne = Municipality.objects.get(slug="koeln")
    response = admin_client.post(
        f"/admin/municipalities/municipality/{cologne.pk}/change/",
        {
            "name": "Köln",
            "slug": "koeln",
            "kind": "stadt",
            "ags": "12345",
            "district": cologne.district_id,
            "latitude": "50.9",
            "longitude": "6.9",
        },
    )
    assert response.status_code == 200
    assert "8 Ziffern" in response.content.decode()
    cologne.refresh_from_db()
    assert cologne.ags == "05315000"


@pytest.fixture
def office_user(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("office", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Geschäftsstelle"))
    return user


def test_office_staff_edit_registry_and_statements(client, office_user, second_factor_login):
    second_factor_login(client, office_user)
    committee = Committee.objects.current().get(municipality__slug="koeln")
    for url in (
        "/admin/committees/committee/",
        f"/admin/committees/committee/{committee.pk}/change/",
        "/admin/committees/committee/add/",
        "/admin/municipalities/municipality/",
        "/admin/statements/statement/add/",
        "/admin/qualification/seminar/",
    ):
        assert client.get(url).status_code == 200, url


def test_volkshochschule_accounts_cannot_touch_the_registry(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("vhs", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Volkshochschule"))
    client.force_login(user)
    committee = Committee.objects.current().first()
    for url in (
        "/admin/committees/committee/",
        f"/admin/committees/committee/{committee.pk}/change/",
        "/admin/municipalities/municipality/add/",
        "/admin/statements/statement/",
    ):
        assert client.get(url).status_code == 403, url

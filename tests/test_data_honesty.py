"""The public pages state what the sources say, and say where figures come from."""

import pytest

from qualification.tests.factories import make_seminar

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_names_the_two_kinds_of_body_the_law_allowed_before_2025(client):
    content = page(client, "/de/")
    assert "Integrationsrat oder einen Integrationsausschuss" in content
    assert "Ausländerbeirat" not in content


def test_no_page_calls_the_seminars_free_unless_a_fee_is_entered(client):
    seminar = make_seminar()
    assert seminar.fee is None
    for url in ("/de/qualifizierung/", seminar.get_absolute_url()):
        assert "kostenfrei" not in page(client, url)
    seminar.fee = 0
    seminar.save()
    assert "kostenfrei" in page(client, seminar.get_absolute_url())
    seminar.fee = 25
    seminar.save()
    assert "25,00 €" in page(client, seminar.get_absolute_url())


def test_the_qualification_pages_point_to_the_directory_of_all_volkshochschulen(client):
    assert 'href="https://www.vhs-nrw.de"' in page(client, "/de/qualifizierung/")
    assert 'href="https://www.vhs-nrw.de"' in page(client, "/de/qualifizierung/seminare/")


def test_both_contacts_of_seed_004_are_shown_with_person_and_address(client):
    content = page(client, "/de/qualifizierung/")
    for person, email in (
        ("Engin Sakal", "sakal@landesintegrationsrat-nrw.de"),
        ("Anna Hutnik", "hutnik@vhs-nrw.de"),
    ):
        assert person in content
        assert f'href="mailto:{email}"' in content


def test_a_municipality_page_gives_the_date_source_and_licence_of_its_figures(client):
    content = page(client, "/de/kommunen/koeln/")
    assert "31.12.2021" in content
    assert "Statistisches Bundesamt (Destatis)" in content
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in content
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in content


def test_the_statistics_page_explains_its_count_beside_the_sources_figures(client):
    from committees.models import Committee

    content = page(client, "/de/statistik/")
    assert f"{Committee.objects.current().count()} Ausschüsse" in content
    assert "114" in content and "111" in content
    assert "laufende Wahlperiode des Landtags" in content


def test_the_staedteregion_is_spelled_officially(client):
    from municipalities.models import District

    assert District.objects.get(key="05334").name == "StädteRegion Aachen"
    assert "StädteRegion Aachen" in page(client, "/de/kommunen/aachen/")


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_official_names_stay_german_in_every_language(client, language):
    content = page(client, f"/{language}/statistik/")
    assert "Landesintegrationsrat NRW" in content
    assert "الاتحادي" not in content
    hearing = page(
        client, f"/{language}/stellungnahmen/anhoerungen/integrationsausschuss/2018-06-18/"
    )
    assert "Integrationsausschuss" in hearing

"""The registration steps as people see them: what the pages say and keep (issue 13)."""

import re

import pytest

from committees.tests.factories import make_committee
from municipalities.tests.factories import make_municipality
from qualification.models import Contact, Registration, RegistrationStatus

from .factories import delivered_mails, make_seminar, make_vhs, registration_data

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/anmeldung/[\w-]+/)")


def register(client, seminar, **overrides):
    return client.post(seminar.get_absolute_url(), registration_data(**overrides))


def selected_municipality(html):
    select = re.search(r'<select name="municipality".*?</select>', html, re.S).group(0)
    chosen = re.search(r'<option value="([^"]*)" selected', select)
    return chosen.group(1) or None if chosen else None


def test_the_municipality_chosen_in_the_finder_is_preselected_in_the_form(client):
    home = make_committee(municipality=make_municipality(name="Heimatort")).municipality
    seminar = make_seminar()
    finder = client.get("/de/qualifizierung/seminare/", {"near": home.slug}).content.decode()
    link = f"{seminar.get_absolute_url()}?near={home.slug}"
    assert link in finder
    assert selected_municipality(client.get(link).content.decode()) == home.slug
    # Without it, or with a municipality that has no committee, nothing is chosen.
    assert selected_municipality(client.get(seminar.get_absolute_url()).content.decode()) is None
    other = make_municipality()
    page = client.get(f"{seminar.get_absolute_url()}?near={other.slug}").content.decode()
    assert selected_municipality(page) is None


def test_the_seminar_page_names_the_venue_or_says_it_will_be_announced(client):
    announced = make_seminar(venue="Raum 3, Marktplatz 1")
    unknown = make_seminar(venue="")
    assert "Raum 3, Marktplatz 1" in client.get(announced.get_absolute_url()).content.decode()
    page = client.get(unknown.get_absolute_url()).content.decode()
    assert re.search(r'<dd class="venue">wird bekanntgegeben</dd>', page)


def test_a_link_near_the_top_jumps_to_the_registration_form(client):
    page = client.get(make_seminar().get_absolute_url()).content.decode()
    link = page.index('href="#register-title"')
    assert "Zur Anmeldung" in page[link : link + 80]
    assert link < page.index('id="dates-title"')
    assert 'id="register-title"' in page


def test_the_received_page_names_the_address_and_shows_success_in_green(client):
    seminar = make_seminar()
    response = register(client, seminar, email="Gruppe@Example.org", participants="3")
    page = client.get(response["Location"]).content.decode()
    notice = re.search(r'<p class="notice success-notice".*?</p>', page, re.S).group(0)
    assert "gruppe@example.org" in notice
    # Another visitor (no session) is not told anyone's address.
    from django.test import Client

    assert "gruppe@example.org" not in Client().get(response["Location"]).content.decode()


def test_without_a_way_to_reach_the_vhs_the_series_contacts_are_offered(client):
    silent = make_seminar(vhs=make_vhs(email="", phone=""))
    reachable = make_seminar(vhs=make_vhs(email="kurse@vhs.example", phone=""))
    contact = Contact.objects.create(slug="test-kontakt", name="Testverband", phone="+49 211 1")
    page = client.get(f"{silent.get_absolute_url()}angemeldet/").content.decode()
    assert "Testverband" in page and "+49 211 1" in page
    page = client.get(f"{reachable.get_absolute_url()}angemeldet/").content.decode()
    assert "kurse@vhs.example" in page
    assert contact.name not in page


def test_cancelling_asks_first_and_says_what_happens_to_the_seats(client):
    seminar = make_seminar(capacity=3)
    register(client, seminar, participants="2", membership="both")
    path = LINK.search(delivered_mails()[-1].body).group(1)
    client.post(path + "bestaetigen/")
    page = client.get(path).content.decode()
    assert f'href="{path}abmelden/"' in page
    question = client.get(path + "abmelden/")
    text = question.content.decode()
    assert question.status_code == 200
    assert "2 Plätze" in text and "Warteliste" in text
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    done = client.post(path + "abmelden/")
    assert done.status_code == 303 and done["Location"] == path
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    # Asking again after cancelling leads back to the registration page.
    assert client.get(path + "abmelden/")["Location"] == path


def test_when_too_many_forms_arrive_the_typed_data_stays_in_the_form(client, settings):
    settings.QUALIFICATION_POST_LIMIT = 1
    seminar = make_seminar()
    register(client, seminar, email="erste@example.org")
    response = register(
        client,
        seminar,
        email="zweite@example.org",
        contact_name="Zweite Person",
        participants="3",
        membership="both",
        accessibility_needs="Rampe",
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "zu viele" in page.lower()
    assert 'value="zweite@example.org"' in page
    assert 'value="Zweite Person"' in page
    assert 'name="participants" value="3"' in page
    assert re.search(r">\s*Rampe</textarea>", page)
    assert Registration.objects.count() == 1

"""Whole public pages from the cache: fast, and never stale (lir_portal/pagecache.py)."""

import datetime
import time
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from committees.models import Committee
from committees.tests.factories import make_committee
from legalpages.models import LegalPage
from municipalities.models import Municipality
from qualification.models import Module, Registration
from qualification.tests.factories import make_seminar, make_vhs, registration_data
from statements.models import LandtagCommittee, Originator, Paper, Topic
from statements.tests.factories import make_paper, make_statement

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]

LANGUAGES = ("de", "en", "tr", "ar")


class FormValues(HTMLParser):
    """What a browser would send back from the admin's change form, unchanged."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self.select = self.textarea = None
        self.in_form = False

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file", "reset", "image"):
                self.add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data


def edit_in_admin(client, url, **changes):
    """Open an admin change form, change some fields and save, as the office does."""
    parser = FormValues()
    parser.feed(client.get(url).content.decode())
    data = parser.data
    for name, value in changes.items():
        data[name] = [value]
    data["_save"] = ["Sichern"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def public_page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def warm(client, path):
    """Render a page for the public twice: the second answer comes from the cache."""
    public_page(client, path)
    response = public_page(client, path)
    assert response["X-Page-Cache"] == "hit", path
    return response


def committee_case():
    committee = Committee.objects.select_related("municipality").get(
        municipality__slug="koeln", term__start__year=2025
    )
    url = f"/admin/committees/committee/{committee.pk}/change/"
    return url, {"chair_name": "Vorsitz Neu-Testfall"}, "/{lang}/ausschuesse/koeln/"


def municipality_case():
    haan = Municipality.objects.get(slug="haan")
    url = f"/admin/municipalities/municipality/{haan.pk}/change/"
    return url, {"population": "77777"}, "/{lang}/kommunen/haan/"


def statement_case():
    statement = make_statement(title="Stellungnahme vor der Änderung")
    url = f"/admin/statements/statement/{statement.pk}/change/"
    return url, {"title_de": "Stellungnahme nach der Änderung"}, page_in_any_language(statement)


def page_in_any_language(obj):
    """The address of `obj`'s page with a slot for the language: "/{lang}/..."."""
    return obj.get_absolute_url().replace("/de/", "/{lang}/", 1)


def paper_case():
    paper = make_paper(title="Antrag vor der Änderung")
    url = f"/admin/statements/paper/{paper.pk}/change/"
    return url, {"title": "Antrag nach der Änderung"}, page_in_any_language(paper)


def seminar_case():
    seminar = make_seminar(venue="Alter Saal")
    url = f"/admin/qualification/seminar/{seminar.pk}/change/"
    return url, {"venue": "Neuer Saal im Rathaus"}, page_in_any_language(seminar)


def in_every_language(field, value):
    """A translated field's new value, typed into each language's box of the form."""
    return {f"{field}_{language}": value for language in LANGUAGES}


def topic_case():
    topic = Topic.objects.get(slug="chancengerechtigkeit")
    url = f"/admin/statements/topic/{topic.pk}/change/"
    return url, in_every_language("name", "Thema nach der Änderung"), page_in_any_language(topic)


def landtag_committee_case():
    committee = LandtagCommittee.objects.get(slug="integrationsausschuss")
    url = f"/admin/statements/landtagcommittee/{committee.pk}/change/"
    changes = in_every_language("name", "Landtagsausschuss nach der Änderung")
    return url, changes, page_in_any_language(committee)


def originator_case():
    originator = Originator.objects.get(name="CDU")
    url = f"/admin/statements/originator/{originator.pk}/change/"
    paper = Paper.objects.get(term=17, number=1356)
    return url, {"name": "Fraktion nach der Änderung"}, page_in_any_language(paper)


def district_case():
    district = Municipality.objects.get(slug="haan").district
    url = f"/admin/municipalities/district/{district.pk}/change/"
    return url, {"name": "Kreis nach der Änderung"}, "/{lang}/kommunen/haan/"


def module_case():
    module = Module.objects.get(slug="basismodul")
    url = f"/admin/qualification/module/{module.pk}/change/"
    return url, in_every_language("title", "Modul nach der Änderung"), "/{lang}/qualifizierung/"


def vhs_case():
    vhs = make_vhs(name="VHS vor der Änderung")
    url = f"/admin/qualification/volkshochschule/{vhs.pk}/change/"
    return url, {"name": "VHS nach der Änderung"}, page_in_any_language(vhs)


def legal_page_case():
    page = LegalPage.objects.get(slug="impressum")
    url = f"/admin/legalpages/legalpage/{page.pk}/change/"
    return url, in_every_language("title", "Impressum nach der Änderung"), "/{lang}/impressum/"


CASES = {
    "committee": (committee_case, "Vorsitz Neu-Testfall"),
    "municipality": (municipality_case, "77"),
    "district": (district_case, "Kreis nach der Änderung"),
    "statement": (statement_case, "Stellungnahme nach der Änderung"),
    "paper": (paper_case, "Antrag nach der Änderung"),
    "topic": (topic_case, "Thema nach der Änderung"),
    "landtag committee": (landtag_committee_case, "Landtagsausschuss nach der Änderung"),
    "originator": (originator_case, "Fraktion nach der Änderung"),
    "seminar": (seminar_case, "Neuer Saal im Rathaus"),
    "module": (module_case, "Modul nach der Änderung"),
    "vhs": (vhs_case, "VHS nach der Änderung"),
    "legal page": (legal_page_case, "Impressum nach der Änderung"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_admin_edit_shows_at_once_in_every_language(case, admin_client):
    make_case, expected = CASES[case]
    url, changes, path = make_case()
    public = Client()
    before = {lang: warm(public, path.format(lang=lang)).content for lang in LANGUAGES}
    assert all(expected.encode() not in content for content in before.values())

    edit_in_admin(admin_client, url, **changes)

    for lang in LANGUAGES:
        response = public_page(public, path.format(lang=lang))
        assert response["X-Page-Cache"] == "miss"
        assert expected.encode() in response.content, (case, lang)
        assert response.content != before[lang]


def test_languages_and_query_strings_never_mix(client):
    pages = {}
    for lang in LANGUAGES:
        for query in ("", "?q=K%C3%B6ln", "?q=Haan"):
            path = f"/{lang}/ausschuesse/{query}"
            client.get(path)
            pages[path] = client.get(path)
    for path, response in pages.items():
        assert response["X-Page-Cache"] == "hit"
        assert response["Content-Language"] == path.split("/")[1]
        # Sent in one piece with its length, not chunked.
        assert int(response["Content-Length"]) == len(response.content)
    assert len({response.content for response in pages.values()}) == len(pages)
    assert "Haan" in pages["/de/ausschuesse/?q=Haan"].content.decode()
    assert "Haan" not in pages["/de/ausschuesse/?q=K%C3%B6ln"].content.decode()


def test_staff_never_get_the_public_copy_nor_the_public_theirs(admin_client, client):
    path = "/de/ausschuesse/koeln/"
    staff_page = admin_client.get(path)
    assert "X-Page-Cache" not in staff_page
    public = client.get(path)
    assert public["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in admin_client.get(path)
    assert "sessionid" not in client.cookies


def test_cache_headers_and_revalidation(client):
    path = "/de/ausschuesse/"
    first = client.get(path)
    assert "no-cache" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    etag = first["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    make_committee(municipality=Municipality.objects.get(slug="haan"))
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_a_form_from_the_cache_carries_each_visitors_own_token():
    seminar = make_seminar()
    path = seminar.get_absolute_url()
    Client().get(path)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(path)
    assert page["X-Page-Cache"] == "hit"
    html = page.content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert "__page_cache_csrf__" not in html
    assert "csrftoken" in visitor.cookies
    response = visitor.post(path, registration_data(csrfmiddlewaretoken=token))
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    assert Registration.objects.filter(seminar=seminar).count() == 1


def test_bulk_commands_refresh_cached_pages(client):
    statement = make_statement(title="Sichtbar vor dem Laden")
    path = statement.get_absolute_url()
    warm(client, path)
    call_command("load_portal_data", verbosity=0)
    assert client.get(path)["X-Page-Cache"] == "miss"
    warm(client, path)
    call_command("purge_registrations", verbosity=0)
    assert client.get(path)["X-Page-Cache"] == "miss"


def test_a_bulk_action_in_the_admin_refreshes_cached_pages(admin_client, client):
    statement = make_statement(title="Bald zurückgezogen")
    warm(client, "/de/stellungnahmen/")
    assert "Bald zurückgezogen" in client.get("/de/stellungnahmen/").content.decode()
    response = admin_client.post(
        "/admin/statements/statement/",
        {"action": "unpublish", "_selected_action": [statement.pk]},
    )
    assert response.status_code == 302
    page = client.get("/de/stellungnahmen/")
    assert page["X-Page-Cache"] == "miss"
    assert "Bald zurückgezogen" not in page.content.decode()


def test_a_statement_scheduled_for_later_appears_at_its_time(client):
    publish_at = timezone.now() + datetime.timedelta(seconds=1.5)
    make_statement(title="Erscheint gleich", published_at=publish_at)
    page = warm(client, "/de/stellungnahmen/")
    assert "Erscheint gleich" not in page.content.decode()

    time.sleep(max(0, (publish_at - timezone.now()).total_seconds()) + 0.1)
    page = public_page(client, "/de/stellungnahmen/")
    assert page["X-Page-Cache"] == "miss"
    assert "Erscheint gleich" in page.content.decode()


def test_pages_are_rendered_again_on_the_next_day(client, monkeypatch):
    seminar = make_seminar(start_in=1, venue="Saal am Markt")
    finder = "/de/qualifizierung/seminare/"
    assert seminar.get_absolute_url() in warm(client, finder).content.decode()

    # Three days later the seminar is over: the finder must not show it any more.
    later = timezone.now() + datetime.timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = public_page(client, finder)
    assert page["X-Page-Cache"] == "miss"
    assert seminar.get_absolute_url() not in page.content.decode()

"""The imprint, privacy notice, accessibility statement and the easy German page."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from legalpages.markup import render_body
from legalpages.models import LegalPage, LegalPageKind

pytestmark = pytest.mark.django_db

PAGES = [kind.value for kind in LegalPageKind]


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
def test_every_page_links_to_the_legal_pages_in_its_footer(client, language):
    response = client.get(f"/{language}/ausschuesse/")
    footer = response.content.decode().split('<footer class="site-footer">')[1]
    with translation.override(language):
        for slug in PAGES:
            assert f'href="{reverse(f"legalpages:{slug}")}"' in footer


@pytest.mark.parametrize("slug", PAGES)
@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
def test_the_legal_pages_exist_in_every_language(client, slug, language):
    response = client.get(f"/{language}/{slug}/")
    assert response.status_code == 200
    page = LegalPage.objects.get(slug=slug)
    text = response.content.decode()
    # The association's address from the sources is on every one of them.
    assert "Haroldstraße 14" in text and "40213 Düsseldorf" in text
    assert page.sources and "Quellen" in text or "Sources" in text or response.context["sources"]


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_translations_say_that_the_german_text_is_binding(client, language):
    response = client.get(f"/{language}/impressum/")
    assert response.context["is_translation"]
    with translation.override(language):
        notice = translation.gettext(
            "This is a translation. Only the German text is legally binding."
        )
    assert notice != "This is a translation. Only the German text is legally binding." or (
        language == "en"
    )
    assert notice in response.content.decode()
    assert 'href="/de/impressum/"' in response.content.decode()


def test_the_german_text_carries_no_translation_notice(client):
    response = client.get("/de/impressum/")
    assert not response.context["is_translation"]
    assert "translation-notice" not in response.content.decode()


def test_the_privacy_notice_states_the_current_retention_periods(client, settings):
    settings.QUALIFICATION_RETENTION_DAYS = 45
    settings.QUALIFICATION_CONFIRMATION_HOURS = 24
    text = client.get("/de/datenschutz/").content.decode()
    assert "45 Tage nach dem letzten Termin" in text
    assert "innerhalb von 24 Stunden" in text
    assert "{retention_days}" not in text
    for right in ("Auskunft", "Berichtigung", "Löschung", "Widerspruch", "beschweren"):
        assert right in text
    assert "Volkshochschule, die das Seminar durchführt" in text


def test_the_accessibility_statement_names_the_conciliation_body_and_a_feedback_address(client):
    text = client.get("/de/barrierefreiheit/").content.decode()
    assert "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz" in text
    assert "teilweise mit diesen Anforderungen vereinbar" in text
    assert 'href="mailto:sakal@landesintegrationsrat-nrw.de"' in text
    assert "Bekannte Einschränkungen" in text


def test_the_easy_german_page_is_linked_from_the_home_page_in_every_language(client):
    for language in ("de", "ar"):
        text = client.get(f"/{language}/").content.decode()
        assert 'href="/' + language + '/leichte-sprache/"' in text
    page = client.get("/ar/leichte-sprache/")
    assert not page.context["is_translation"]
    assert '<article class="legal-page" lang="de" dir="ltr">' in page.content.decode()


def test_the_office_edits_the_text_and_the_page_shows_it(client):
    page = LegalPage.objects.get(slug="impressum")
    page.body_de = "## Neu\nGeänderter Text mit <script>alert(1)</script>"
    page.save()
    text = client.get("/de/impressum/").content.decode()
    assert "<h2>Neu</h2>" in text
    assert "Geänderter Text mit &lt;script&gt;" in text
    assert page.updated_at is not None


def test_the_office_group_may_change_the_legal_pages():
    from django.contrib.auth.models import Group

    office = Group.objects.get(name="Geschäftsstelle")
    assert office.permissions.filter(codename="change_legalpage").exists()


def test_markup_isolates_latin_runs_and_numbers_in_arabic_text():
    html = render_body("الهاتف: +49 211 994160\nيمثله Tayfun Keltek، رئيس", rtl=True)
    assert '<bdi dir="ltr">+49 211 994160</bdi>' in html
    assert '<bdi dir="ltr">Tayfun Keltek</bdi>،' in html
    assert render_body("a@b.de") == '<p><a href="mailto:a@b.de" dir="ltr">a@b.de</a></p>'
    assert render_body("Wir speichern:\n- eins\n- zwei") == (
        "<p>Wir speichern:</p>\n<ul><li>eins</li><li>zwei</li></ul>"
    )
    assert settings.LANGUAGE_CODE == "de"


def test_the_office_edits_a_page_in_the_admin(admin_client):
    page = LegalPage.objects.get(slug="barrierefreiheit")
    url = reverse("admin:legalpages_legalpage_change", args=[page.pk])
    form = admin_client.get(url)
    assert form.status_code == 200
    assert 'name="body_ar"' in form.content.decode()
    data = {
        "title_de": page.title_de,
        "body_de": page.body_de + "\n\nNeuer Absatz.",
        "sources": page.sources,
    }
    for language in ("en", "tr", "ar"):
        data[f"title_{language}"] = getattr(page, f"title_{language}")
        data[f"body_{language}"] = getattr(page, f"body_{language}")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "<p>Neuer Absatz.</p>" in admin_client.get("/de/barrierefreiheit/").content.decode()
    assert (
        admin_client.post(
            reverse("admin:legalpages_legalpage_delete", args=[page.pk]), {"post": "yes"}
        ).status_code
        == 403
    )

"""Seminar pages: structured data, sitemaps, navigation and home section."""

import json
import re

import pytest
from django.urls import reverse

from qualification.sitemaps import (
    QualificationPagesSitemap,
    SeminarSitemap,
    VolkshochschuleSitemap,
)

from .factories import make_seminar

pytestmark = pytest.mark.django_db

GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def test_the_seminar_page_shows_dates_seats_contact_and_course_data(client):
    seminar = make_seminar(capacity=12, session_days=2)
    seminar.vhs.phone = "0221 123"
    seminar.vhs.save()
    response = client.get(f"/en/qualifizierung/seminare/{seminar.pk}/")
    content = response.content.decode()
    assert "12 of 12 seats left" in content
    assert ">10:00–16:00<" in content
    assert "0221 123" in content
    assert 'name="contact_name"' in content
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Course"
    instance = data["hasCourseInstance"][0]
    assert instance["@type"] == "CourseInstance"
    assert instance["startDate"].endswith(("+01:00", "+02:00"))
    assert instance["remainingAttendeeCapacity"] == 12
    # No other script element: the page works without JavaScript and under a strict CSP.
    assert content.count("<script") == 1
    assert "style=" not in content


def test_structured_data_cannot_break_out_of_its_element(client):
    seminar = make_seminar()
    seminar.module.description = "</script><script>alert(1)</script>"
    seminar.module.save()
    content = client.get(seminar.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in content


def test_every_language_renders_the_finder_and_arabic_is_right_to_left(client):
    for code in ("de", "en", "tr", "ar"):
        response = client.get(f"/{code}/qualifizierung/seminare/")
        assert response.status_code == 200
    assert 'dir="rtl"' in client.get("/ar/qualifizierung/").content.decode()


def test_the_finder_writes_each_session_in_the_readers_language(client):
    """Day, date and times in each language's own style, whichever language asked first."""
    seminar = make_seminar(session_days=2)
    first, second = seminar.sessions.order_by("date")
    pages = {
        code: client.get(f"/{code}/qualifizierung/seminare/").content.decode()
        for code in ("ar", "de", "en")
    }
    year = first.date.year
    expected = {
        "de": f"{first.date.day}. {GERMAN_MONTHS[first.date.month - 1]} {year}</time>, <bdi",
        "en": f"{year}</time>, <bdi",
        "ar": f"{year}</time>، <bdi",
    }
    for code, content in pages.items():
        sessions = re.findall(r'<span class="session">(.*?)</span>', content)
        assert len(sessions) == 2, code
        assert sessions[0].startswith(f'<time datetime="{first.date.isoformat()}">'), code
        assert sessions[1].startswith(f'<time datetime="{second.date.isoformat()}">'), code
        assert expected[code] in sessions[0], code
        assert sessions[0].endswith('<bdi dir="ltr" class="time-range">10:00–16:00</bdi>'), code


def test_sitemaps_list_the_public_pages(rf):
    seminar = make_seminar()
    urls = []
    for sitemap in (QualificationPagesSitemap, SeminarSitemap, VolkshochschuleSitemap):
        urls += [item["location"] for item in sitemap().get_urls(site=_Site())]
    assert any(url.endswith(f"/de/qualifizierung/seminare/{seminar.pk}/") for url in urls)
    assert any(url.endswith("/en/qualifizierung/seminare/") for url in urls)
    assert any(f"/qualifizierung/vhs/{seminar.vhs.slug}/" in url for url in urls)


def test_unknown_pages_are_404_not_500(client):
    assert client.get("/de/qualifizierung/seminare/999999/").status_code == 404
    assert client.get("/de/qualifizierung/vhs/gibt-es-nicht/").status_code == 404
    assert client.get("/de/qualifizierung/seminare/999999/kalender.ics").status_code == 404


def test_the_navigation_entry_is_marked_on_its_page(client):
    content = client.get("/de/qualifizierung/").content.decode()
    assert 'href="/de/qualifizierung/" aria-current="page"' in content


class _Site:
    domain = "testserver"
    name = "testserver"


def test_the_registration_consent_links_to_the_privacy_notice(client):
    seminar = make_seminar()
    text = client.get(seminar.get_absolute_url()).content.decode()
    consent = text.split('id="id_consent"')[1].split("</div>")[0]
    assert f'href="{reverse("legalpages:datenschutz")}"' in consent

"""Site-wide page details (issue 13): 404 with search, home card, Turkish dates, footer."""

import datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_404_page_offers_a_search_box(client):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'role="search"' in page and 'action="/de/stellungnahmen/suche/"' in page
    assert 'name="q"' in page


def test_the_home_card_keeps_the_term_on_one_line(client):
    page = client.get("/de/").content.decode()
    assert '<span dir="ltr">2025–2030</span>' in page
    text = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text(encoding="utf-8")
    assert 'span[dir="ltr"] { white-space: nowrap; }' in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("tr", "6 Mart 2026"), ("de", "6. März 2026"), ("en", "March 6, 2026")],
)
def test_dates_have_no_leading_zero(language, expected):
    with translation.override(language):
        shown = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2026, 3, 6)})
        )
    assert shown == expected

"""Arabic pages in Chromium: every mixed run reads in the right order.

The browser lays the text out; for each place we read the rendered text
(innerText) and the horizontal position of each of its characters, and check
that a left-to-right run (a date, a time range, a reference, a phone number, a
postcode, a German name in quotation marks, ".ics") is laid out from left to
right, in one piece, with its punctuation at the right ends.
"""

import datetime
import re

import pytest
from selenium.webdriver.common.by import By

from committees.models import Committee, Term
from committees.tests.factories import make_committee, make_term
from municipalities.tests.factories import make_municipality
from qualification.tests.factories import make_seminar, make_vhs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Left edges of the characters of `run` inside `element`, in logical order (the
# isolate controls U+2066..U+2069 are invisible and skipped).
CHARACTER_POSITIONS = """
const [element, run] = arguments;
const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
const nodes = [];
let text = "";
while (walker.nextNode()) {
  for (let i = 0; i < walker.currentNode.data.length; i++) {
    const ch = walker.currentNode.data[i];
    if ("\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f".includes(ch)) continue;
    nodes.push([walker.currentNode, i]);
    text += ch;
  }
}
const start = text.indexOf(run);
if (start < 0) return null;
const lefts = [];
for (let k = start; k < start + run.length; k++) {
  const [node, offset] = nodes[k];
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  const rect = range.getBoundingClientRect();
  lefts.push([run[k - start], rect.left, rect.top]);
}
return lefts;
"""


def reads_left_to_right(browser, element, run):
    """True if the characters of `run` (spaces aside) stand on one line, left to right."""
    positions = browser.execute_script(CHARACTER_POSITIONS, element, run)
    assert positions is not None, f"{run!r} not in {element.get_attribute('innerText')!r}"
    visible = [(left, top) for char, left, top in positions if not char.isspace()]
    tops = {round(top) for _, top in visible}
    lefts = [left for left, _ in visible]
    return len(tops) == 1 and lefts == sorted(lefts) and len(set(lefts)) == len(lefts)


def inner_text(element):
    """The rendered text without the invisible isolate controls."""
    text = element.get_attribute("innerText")
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069").strip()


@pytest.fixture
def arabic_data(portal_data):
    term = Term.objects.current()
    town = make_municipality(name="Testdorf-Übach")
    earlier = make_term(
        term.start.replace(year=term.start.year - 5), term.start - datetime.timedelta(days=1)
    )
    make_committee(town, term=earlier, kind=earlier.allowed_kinds[0])
    committee = make_committee(town, term=term)
    seminar = make_seminar(vhs=make_vhs(town, name="VHS Testdorf"))
    return {"committee": committee, "term": term, "seminar": seminar}


def test_dates_numbers_and_german_names_read_in_order_in_arabic(browser, live_server, arabic_data):
    committee: Committee = arabic_data["committee"]
    term = arabic_data["term"]
    browser.get(f"{live_server.url}/ar{committee.get_absolute_url()[3:]}")

    # The term's dates: "01.11.2025 – 31.10.2030", left to right, no marks inside.
    dates = browser.find_element(By.CSS_SELECTOR, ".facts .date-range")
    expected = f"{term.start:%d.%m.%Y} – {term.end:%d.%m.%Y}"
    assert inner_text(dates) == expected
    assert reads_left_to_right(browser, dates, expected)
    # The term in the lead: "2025–2030".
    lead = browser.find_element(By.CSS_SELECTOR, "p.lead")
    assert reads_left_to_right(browser, lead, f"{term.start.year}–{term.end.year}")

    # A former name in a list item with lang="de": the bullet stays on the
    # right (start of the Arabic line), the German name reads left to right.
    item = browser.find_element(By.CSS_SELECTOR, "li[lang=de]")
    assert item.value_of_css_property("direction") == "rtl"
    name = inner_text(item)
    assert name.endswith("Testdorf-Übach")
    assert reads_left_to_right(browser, item, name)
    list_box = item.find_element(By.XPATH, "..").rect
    text_right = browser.execute_script(
        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "return r.getBoundingClientRect().right;",
        item,
    )
    assert text_right > list_box["x"] + list_box["width"] * 0.5  # aligned to the right

    # The footer: phone number and postcode line.
    phone = browser.find_element(By.CSS_SELECTOR, ".site-footer a[href^='tel:']")
    assert inner_text(phone) == "+49 211 994160"
    assert reads_left_to_right(browser, phone, "+49 211 994160")
    address = browser.find_element(By.CSS_SELECTOR, ".site-footer address")
    assert reads_left_to_right(browser, address, "40213 Düsseldorf")
    assert reads_left_to_right(browser, address, "Haroldstraße 14")

    # No sideways scrolling on a phone (320 CSS px).
    assert page_width_at(browser, 320) <= 320


def test_seminar_times_and_calendar_file_read_in_order_in_arabic(browser, live_server, arabic_data):
    seminar = arabic_data["seminar"]
    session = seminar.sessions.get()
    browser.get(f"{live_server.url}/ar{seminar.get_absolute_url()[3:]}")

    item = browser.find_element(By.CSS_SELECTOR, ".session-list li")
    text = inner_text(item)
    # One Arabic style: weekday، day month year، 10:00–16:00 (Arabic commas, Arabic month).
    assert text.count("،") == 2 and "," not in text
    assert str(session.date.year) in text and f"{session.date:%m}" not in text.split("،")[1]
    assert text.endswith("10:00–16:00")
    assert reads_left_to_right(browser, item, "10:00–16:00")

    calendar = browser.find_element(By.CSS_SELECTOR, "a[href$='kalender.ics']")
    assert "(.ics)" in inner_text(calendar)
    assert reads_left_to_right(browser, calendar, ".ics")

    # The German name of the Volkshochschule stays in one piece.
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert reads_left_to_right(browser, heading, "VHS Testdorf")

    # In the finder, the same date and time style.
    browser.get(f"{live_server.url}/ar/qualifizierung/seminare/")
    entry = browser.find_element(By.CSS_SELECTOR, ".seminar-item .session")
    assert inner_text(entry).endswith("10:00–16:00")
    assert "," not in inner_text(entry)
    assert reads_left_to_right(browser, entry, "10:00–16:00")
    assert page_width_at(browser, 320) <= 320


def test_references_and_quoted_german_names_read_in_order_in_arabic(
    browser, live_server, portal_data
):
    browser.get(f"{live_server.url}/ar/stellungnahmen/drucksachen/17-1356/")
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert reads_left_to_right(browser, heading, "17/1356")
    facts = browser.find_element(By.CSS_SELECTOR, ".facts")
    assert reads_left_to_right(browser, facts, "17/1356")

    # The home page quotes the German name of the committees: „…“ at its ends.
    browser.get(f"{live_server.url}/ar/")
    hero = browser.find_element(By.CSS_SELECTOR, ".hero")
    found = re.search(
        r"[„“\"]Ausschuss für Chancengerechtigkeit und Integration[“”\"]", inner_text(hero)
    )
    assert found, inner_text(hero)
    quoted = found.group()
    positions = browser.execute_script(CHARACTER_POSITIONS, hero, quoted)
    opening, closing = positions[0], positions[-1]
    words = [p for p in positions[1:-1] if not p[0].isspace()]
    # Each quotation mark sits beside its own end of the name, on whatever line that is.
    first_line = [p for p in words if round(p[2]) == round(opening[2])]
    last_line = [p for p in words if round(p[2]) == round(closing[2])]
    assert first_line and opening[1] < min(p[1] for p in first_line)
    assert last_line and closing[1] > max(p[1] for p in last_line)
    assert reads_left_to_right(browser, hero, "GO NRW")

    # The imprint written by the office: its phone number and the German law's name.
    browser.get(f"{live_server.url}/ar/impressum/")
    article = browser.find_element(By.CSS_SELECTOR, "article.legal-page")
    assert reads_left_to_right(browser, article, "+49 211 994160")
    assert reads_left_to_right(browser, article, "40213 Düsseldorf")
    assert reads_left_to_right(browser, article, "Tayfun Keltek")


def page_width_at(browser, width):
    """The page's scroll width in a viewport `width` CSS pixels wide (device emulation)."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    browser.refresh()
    width_now = browser.execute_script("return document.documentElement.scrollWidth")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return width_now

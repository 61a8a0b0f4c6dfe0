"""Calendar files: they parse, carry the right local times, stable UIDs and cancellations."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from qualification.models import SeminarStatus

from .factories import days, make_seminar, make_vhs

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_a_seminar_ics_has_one_event_per_session_in_berlin_time(client):
    seminar = make_seminar(start_in=30, session_days=2)
    found = events(client.get(f"/de/qualifizierung/seminare/{seminar.pk}/kalender.ics"))
    assert len(found) == 2
    first = found[0]
    start = first.decoded("dtstart")
    assert start == datetime.datetime.combine(days(30), datetime.time(10, 0), BERLIN)
    assert start.utcoffset() == BERLIN.utcoffset(start.replace(tzinfo=None))
    assert str(start.tzinfo) == "Europe/Berlin"
    assert first.decoded("dtend").time() == datetime.time(16, 0)
    assert found[1].decoded("dtstart").date() == days(37)
    assert str(first["status"]) == "CONFIRMED"
    assert seminar.get_absolute_url() in str(first["url"])
    calendar = Calendar.from_ical(
        client.get(f"/de/qualifizierung/seminare/{seminar.pk}/kalender.ics").content
    )
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_uids_stay_the_same_and_a_cancelled_seminar_is_marked_cancelled(client):
    seminar = make_seminar()
    url = f"/de/qualifizierung/seminare/{seminar.pk}/kalender.ics"
    before = events(client.get(url))
    seminar.status = SeminarStatus.CANCELLED
    seminar.save()
    after = events(client.get(url))
    assert [str(e["uid"]) for e in before] == [str(e["uid"]) for e in after]
    assert str(after[0]["status"]) == "CANCELLED"
    assert int(after[0]["sequence"]) > int(before[0]["sequence"])


def test_the_feeds_hold_all_seminars_or_those_of_one_vhs(client):
    vhs = make_vhs()
    ours = make_seminar(vhs=vhs)
    other = make_seminar()
    all_uids = {str(e["uid"]) for e in events(client.get("/de/qualifizierung/kalender.ics"))}
    assert any(f"seminar-{ours.pk}-" in uid for uid in all_uids)
    assert any(f"seminar-{other.pk}-" in uid for uid in all_uids)
    vhs_uids = {
        str(e["uid"]) for e in events(client.get(f"/de/qualifizierung/vhs/{vhs.slug}/kalender.ics"))
    }
    assert all(f"seminar-{ours.pk}-" in uid for uid in vhs_uids) and vhs_uids

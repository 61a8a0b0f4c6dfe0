"""iCalendar (.ics) files: one seminar, all seminars, or those of one VHS.

Every session is a VEVENT with a UID that stays the same across downloads, so
calendar programs update events instead of duplicating them. Times are local
times in Europe/Berlin with the VTIMEZONE included; a cancelled seminar's
events carry STATUS:CANCELLED.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import SeminarStatus

ZONE = ZoneInfo("Europe/Berlin")
UID_DOMAIN = "qualifizierung.landesintegrationsrat-nrw.de"
PRODID = "-//Landesintegrationsrat NRW//LIR-Portal Qualifizierung//DE"

EVENT_STATUS = {
    SeminarStatus.CANCELLED: "CANCELLED",
    SeminarStatus.PLANNED: "TENTATIVE",
}


def session_uid(seminar, session):
    return f"seminar-{seminar.pk}-session-{session.pk}@{UID_DOMAIN}"


def build_calendar(seminars, name):
    """seminars: from Seminar.objects.for_listing() (sessions prefetched)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for seminar in seminars:
        url = settings.SITE_URL + seminar.get_absolute_url()
        for session in seminar.sessions.all():
            event = Event()
            event.add("uid", session_uid(seminar, session))
            event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
            event.add("last-modified", seminar.updated_at.astimezone(datetime.UTC))
            event.add("sequence", seminar.revision)
            event.add("dtstart", datetime.datetime.combine(session.date, session.start_time, ZONE))
            event.add("dtend", datetime.datetime.combine(session.date, session.end_time, ZONE))
            summary = f"{seminar.module.title} – {seminar.vhs.name}"
            if seminar.is_example:
                summary = f"[Beispiel] {summary}"
            if seminar.status == SeminarStatus.CANCELLED:
                summary = f"[Abgesagt] {summary}"
            event.add("summary", summary)
            location = seminar.venue.replace("\r", "").replace("\n", ", ") or seminar.vhs.name
            event.add("location", location)
            event.add("url", url)
            description = [seminar.get_format_display(), url]
            if seminar.course_number:
                description.insert(0, f"{seminar.vhs.name}, {seminar.course_number}")
            event.add("description", "\n".join(str(line) for line in description))
            event.add("status", EVENT_STATUS.get(seminar.status, "CONFIRMED"))
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()

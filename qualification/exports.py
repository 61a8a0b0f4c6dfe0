"""Participant lists for staff: CSV for German Excel, and the rows of the print view."""

import csv
import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Registration, RegistrationStatus

# Cells that spreadsheet programs would read as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

STATUS_ORDER = {
    RegistrationStatus.CONFIRMED: 0,
    RegistrationStatus.WAITLISTED: 1,
    RegistrationStatus.PENDING: 2,
    RegistrationStatus.CANCELLED: 3,
}


def safe_cell(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def participant_rows(seminar):
    """Registrations of a seminar: confirmed first, then the waiting list in order."""
    registrations = list(
        Registration.objects.filter(seminar=seminar, anonymised_at__isnull=True).select_related(
            "municipality", "committee__municipality", "committee__term"
        )
    )
    registrations.sort(key=lambda r: (STATUS_ORDER[r.status], r.confirmed_at or r.created_at, r.pk))
    waiting = 0
    for registration in registrations:
        if registration.status == RegistrationStatus.WAITLISTED:
            waiting += 1
            registration.position = waiting
        else:
            registration.position = None
    return registrations


def header():
    return [
        _("Status"),
        _("Waiting list position"),
        _("Registration for"),
        _("Contact person"),
        _("E-mail"),
        _("Phone"),
        _("Participants"),
        _("Municipality"),
        _("Committee"),
        _("Membership"),
        _("Accessibility needs"),
        _("Registered"),
        _("Confirmed"),
    ]


def row(registration):
    def when(value):
        return (
            formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""
        )

    return [
        registration.get_status_display(),
        registration.position or "",
        registration.get_kind_display(),
        registration.contact_name,
        registration.email,
        registration.phone,
        registration.participants,
        registration.municipality.name,
        registration.committee.official_name if registration.committee else "",
        registration.get_membership_display(),
        registration.accessibility_needs,
        when(registration.created_at),
        when(registration.confirmed_at),
    ]


def participants_csv(seminar):
    """Semicolon-separated UTF-8 with a byte order mark: opens correctly in German Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header())
    for registration in participant_rows(seminar):
        writer.writerow([safe_cell(value) for value in row(registration)])
    return "\ufeff" + buffer.getvalue()

"""Test data builders for seminars; dates are relative to today."""

import datetime
import itertools

from django.utils import timezone

from municipalities.tests.factories import make_municipality
from qualification.models import (
    Module,
    Seminar,
    SeminarSession,
    SeminarStatus,
    Volkshochschule,
)

_numbers = itertools.count(1)


def today():
    return timezone.localdate()


def days(n):
    return today() + datetime.timedelta(days=n)


def basis_module():
    return Module.objects.get(slug="basismodul")


def aufbau_module():
    return Module.objects.get(slug="aufbaumodul")


def make_vhs(municipality=None, name=None, **fields):
    number = next(_numbers)
    municipality = municipality or make_municipality()
    return Volkshochschule.objects.create(
        slug=f"test-vhs-{number}",
        name=name or f"Test-VHS {number}",
        municipality=municipality,
        **fields,
    )


def make_seminar(vhs=None, module=None, start_in=30, session_days=1, **fields):
    """An open seminar starting `start_in` days from today, 10:00-16:00 each day."""
    values = {
        "module": module or basis_module(),
        "vhs": vhs or make_vhs(),
        "capacity": 20,
        "registration_deadline": days(start_in - 1),
        "status": SeminarStatus.OPEN,
        "course_number": f"T-{next(_numbers)}",
    }
    values.update(fields)
    seminar = Seminar.objects.create(**values)
    for offset in range(session_days):
        SeminarSession.objects.create(
            seminar=seminar,
            date=days(start_in + 7 * offset),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(16, 0),
        )
    return seminar


def registration_data(**overrides):
    from municipalities.models import Municipality

    municipality = overrides.pop("municipality", None) or Municipality.objects.get(ags="05315000")
    slug = municipality if isinstance(municipality, str) else municipality.slug
    data = {
        "kind": "single",
        "contact_name": "Ayşe Testperson",
        "email": "ayse@example.org",
        "phone": "",
        "participants": "1",
        "municipality": slug,
        "membership": "elected",
        "accessibility_needs": "",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def delivered_mails():
    """The mails sent so far, after one pass of the mail worker (send_pending_mails).

    Requests only save mails; the worker sends them. Django's test mail
    backend collects them in mail.outbox.
    """
    from django.core import mail

    from qualification.services import send_due

    send_due()
    return mail.outbox

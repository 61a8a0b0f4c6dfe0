"""Personal data retention and other maintenance."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from qualification.models import Registration

from .factories import make_seminar
from .test_staff import add_registration

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("purge_registrations", *args, stdout=out)
    return out.getvalue()


def test_registrations_are_anonymised_after_the_retention_time(settings):
    settings.QUALIFICATION_RETENTION_DAYS = 30
    old = make_seminar(start_in=-40)
    recent = make_seminar(start_in=-10)
    gone = add_registration(old, "Alte Person", "alt@example.org", phone="0211 1", token="t-old")
    kept = add_registration(recent, "Neue Person", "neu@example.org", token="t-new")

    assert "Would anonymise 1" in run("--dry-run")
    assert Registration.objects.get(pk=gone.pk).email == "alt@example.org"

    run()
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.contact_name, gone.email, gone.phone, gone.token) == ("", "", "", None)
    assert gone.anonymised_at is not None
    assert gone.participants == 1 and gone.status == "confirmed"
    assert kept.email == "neu@example.org"
    assert "anonymis" in str(gone)
    run()  # a second run changes nothing and does not fail
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == 1


def test_unconfirmed_registrations_with_an_expired_link_are_deleted():
    seminar = make_seminar()
    stale = add_registration(seminar, "Nie bestätigt", "nie@example.org", status="pending")
    fresh = add_registration(seminar, "Gleich", "gleich@example.org", status="pending")
    Registration.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    run()
    assert not Registration.objects.filter(pk=stale.pk).exists()
    assert Registration.objects.filter(pk=fresh.pk).exists()


def test_a_negative_retention_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        run("--days", "-1")

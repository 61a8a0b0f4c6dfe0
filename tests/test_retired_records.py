"""load_portal_data removes what earlier fixtures invented, never what the office entered."""

import datetime

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command

from committees.models import Committee, Term
from committees.tests.factories import make_earlier_committee
from municipalities.models import Municipality
from qualification.models import Registration, Seminar, SeminarSession, Volkshochschule
from qualification.tests.factories import basis_module
from qualification.tests.test_staff import add_registration

pytestmark = pytest.mark.django_db


def town(slug):
    return Municipality.objects.get(slug=slug)


def logged(obj, action=ADDITION):
    user, _ = get_user_model().objects.get_or_create(username="office")
    LogEntry.objects.log_actions(
        user.pk, [obj], action, change_message="entered from a source", single_object=True
    )


def old_vhs(slug):
    """A "Volkshochschule <town>" record as the old fixture made it."""
    municipality = town(slug)
    return Volkshochschule.objects.create(
        slug=f"vhs-{slug}", name=f"Volkshochschule {municipality.name}", municipality=municipality
    )


def old_example(vhs):
    seminar = Seminar.objects.create(
        module=basis_module(),
        vhs=vhs,
        course_number="BEISPIEL-1",
        capacity=20,
        registration_deadline=datetime.date(2027, 2, 5),
        is_example=True,
    )
    SeminarSession.objects.create(
        seminar=seminar,
        date=datetime.date(2027, 2, 13),
        start_time=datetime.time(10),
        end_time=datetime.time(16),
    )
    return seminar


def test_the_invented_records_of_earlier_fixtures_are_removed():
    invented = [make_earlier_committee(town(slug)) for slug in ("koeln", "bonn", "hagen")]
    cologne_vhs = old_vhs("koeln")
    witten_vhs = old_vhs("witten")
    example = old_example(cologne_vhs)
    add_registration(example, "Probe", "probe@example.org")

    call_command("load_portal_data", verbosity=0)

    assert not Committee.objects.filter(pk__in=[c.pk for c in invented]).exists()
    assert not Term.objects.filter(start=datetime.date(2020, 11, 1)).exists()
    assert not Seminar.objects.filter(pk=example.pk).exists()
    assert not Registration.objects.filter(email="probe@example.org").exists()
    assert not Volkshochschule.objects.filter(pk__in=[cologne_vhs.pk, witten_vhs.pk]).exists()
    assert Committee.objects.current().count() == 113


def test_what_the_office_entered_or_uses_stays():
    entered = make_earlier_committee(town("koeln"))
    logged(entered)
    edited = make_earlier_committee(town("bonn"))
    logged(edited, CHANGE)
    with_note = make_earlier_committee(town("hagen"), note_de="Laut Ratsbeschluss vom 1.2.2021")
    untouched = make_earlier_committee(town("herne"))
    named_vhs = old_vhs("moers")
    logged(named_vhs)
    used_vhs = old_vhs("essen")
    real_seminar = Seminar.objects.create(
        module=basis_module(), vhs=used_vhs, capacity=10, registration_deadline="2027-01-01"
    )

    call_command("load_portal_data", verbosity=0)

    kept = Committee.objects.filter(pk__in=[entered.pk, edited.pk, with_note.pk])
    assert kept.count() == 3
    assert not Committee.objects.filter(pk=untouched.pk).exists()
    assert Term.objects.filter(start=datetime.date(2020, 11, 1)).exists()
    assert Volkshochschule.objects.filter(pk__in=[named_vhs.pk, used_vhs.pk]).count() == 2
    assert Seminar.objects.filter(pk=real_seminar.pk).exists()


def test_a_second_run_changes_nothing_more():
    call_command("load_portal_data", verbosity=0)
    before = (Committee.objects.count(), Term.objects.count(), Volkshochschule.objects.count())
    call_command("load_portal_data", verbosity=0)
    after = (Committee.objects.count(), Term.objects.count(), Volkshochschule.objects.count())
    assert before == after

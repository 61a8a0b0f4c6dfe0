"""Registrant text stays in its place, and personal data goes when the purge says so."""

import datetime
import io

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone, translation

from qualification.models import Registration

from .factories import delivered_mails, make_seminar, registration_data
from .test_staff import add_registration

pytestmark = pytest.mark.django_db


def register(client, seminar, **overrides):
    return client.post(seminar.get_absolute_url(), registration_data(**overrides))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_name", "A" * 101),
        ("contact_name", "Erika \u202eznaM"),
        ("contact_name", "Erika \u2067Mustermann\u2069"),
        ("contact_name", "Erika\x00Mustermann"),
        ("contact_name", "Erika\x1bMustermann"),
        ("contact_name", "Erika\u2028Bcc: x@evil.example"),
        ("phone", "0211\u202e123"),
        ("accessibility_needs", "Rampe\x07"),
        ("email", "x@localhost"),
        ("email", "x@[127.0.0.1]"),
        ("email", "x@127.0.0.1"),
        ("email", "x@mailserver"),
        ("email", "x@evil.example"),
        ("email", "x@printer.local"),
        ("email", "x@host.test"),
    ],
)
def test_hidden_characters_and_private_addresses_are_refused(client, field, value):
    response = register(client, make_seminar(), **{field: value})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert Registration.objects.count() == 0
    assert delivered_mails() == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_name", "Ayşe Yılmaz-Öztürk"),
        ("contact_name", "محمد عبد الله"),
        ("contact_name", "D" * 100),
        ("email", "ayse@stadt-köln.de"),
        ("email", "ayse@mail.xn--mgbaam7a8h"),
        ("accessibility_needs", "Rampe\nGebärdensprache"),
        ("phone", "+49 211 123456"),
    ],
)
def test_real_names_and_addresses_are_accepted(client, field, value):
    response = register(client, make_seminar(), **{field: value})
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_mail_opens_without_registrant_text(client):
    name = "Bcc: x@evil.example"
    assert register(client, make_seminar(), contact_name=name).status_code == 302
    message = delivered_mails()[0]
    body = message.body
    first_line = body.splitlines()[0]
    assert first_line == "Guten Tag,"
    assert name not in first_line
    assert f"Kontaktperson: {name}" in body
    assert message.to == ["ayse@example.org"]
    assert not message.bcc and not message.cc


def test_a_registration_reads_without_name_or_address(client):
    register(client, make_seminar())
    registration = Registration.objects.get()
    with translation.override("de"):
        text = str(registration)
    assert "Ayşe" not in text and "ayse@" not in text
    assert str(registration.pk) in text


def test_the_purge_erases_names_from_admin_log_and_history(admin_client, admin_user, settings):
    settings.QUALIFICATION_RETENTION_DAYS = 30
    seminar = make_seminar(start_in=-40)
    registration = add_registration(seminar, "Erika Mustermann-Schulz", "erika@example.org")
    registration.phone = "0211 4711"
    registration.save()  # a staff edit: the history now holds two versions
    stale = add_registration(make_seminar(), "Nie Bestätigt", "nie@example.org", status="pending")
    Registration.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    content_type = ContentType.objects.get_for_model(Registration)
    for row, label in (
        (registration, "Erika Mustermann-Schulz (1) – Basismodul"),
        (stale, "Nie Bestätigt (1) – Basismodul"),
    ):
        # What the admin wrote into its log while registrations read with their names.
        LogEntry.objects.create(
            user=admin_user,
            content_type=content_type,
            object_id=str(row.pk),
            object_repr=label,
            action_flag=CHANGE,
            change_message="[]",
        )
    removed = add_registration(make_seminar(), "Gelöschte Person", "weg@example.org")
    removed_pk = removed.pk
    removed.delete()  # as staff delete one in the admin
    assert Registration.history.filter(contact_name__contains="Erika").exists()

    call_command("purge_registrations", stdout=io.StringIO())
    assert Registration.history.filter(id=removed_pk, history_type="-").exists()
    assert not Registration.history.filter(contact_name="Gelöschte Person").exists()

    history = Registration.history.filter(id__in=[registration.pk, stale.pk])
    for field in ("contact_name", "email", "phone"):
        values = set(history.values_list(field, flat=True))
        assert values <= {""}, (field, values)
    assert not history.filter(id=stale.pk).exists()
    reprs = " ".join(LogEntry.objects.values_list("object_repr", flat=True))
    assert "Erika" not in reprs and "Nie Bestätigt" not in reprs
    index = admin_client.get("/admin/").content.decode()
    assert "Erika" not in index and "Mustermann" not in index

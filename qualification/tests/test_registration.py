"""The whole registration flow through the pages, with Django's real locmem mail backend.

Runs on SQLite and on PostgreSQL alike.
"""

import datetime
import io
import re
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from qualification.models import (
    Notification,
    Registration,
    RegistrationStatus,
    SeminarStatus,
)

from .factories import days, delivered_mails, make_seminar, registration_data

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/anmeldung/[\w-]+/)")


def register(client, seminar, **overrides):
    return client.post(seminar.get_absolute_url(), registration_data(**overrides))


def link_from(message):
    return LINK.search(message.body).group(1)


def confirm(client, path):
    return client.post(path + "bestaetigen/")


def registered(client, seminar, email, participants=1):
    """Register and confirm through the pages; returns the registrant's link path."""
    response = register(
        client,
        seminar,
        email=email,
        participants=str(participants),
        membership="both" if participants > 1 else "elected",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    path = link_from(delivered_mails()[-1])
    assert confirm(client, path).status_code == 303
    return path


def status_of(email):
    return Registration.objects.get(email=email).status


def test_registering_saves_an_unconfirmed_registration_and_mails_the_link(client):
    seminar = make_seminar(capacity=5)
    response = register(client, seminar)
    assert response.status_code == 302
    assert response.url == reverse("qualification:registration_received", args=[seminar.pk])
    registration = Registration.objects.get(seminar=seminar)
    assert registration.status == RegistrationStatus.PENDING
    assert registration.language == "de"
    assert seminar.seats_left == 5  # an unconfirmed registration takes no seat
    assert len(delivered_mails()) == 1
    message = delivered_mails()[0]
    assert message.to == ["ayse@example.org"]
    assert "bestätigen" in message.subject.lower()
    assert link_from(message) == f"/de/qualifizierung/anmeldung/{registration.token}/"
    # No personal data in the address the browser was sent to.
    assert "ayse" not in response.url


def test_the_mail_is_in_the_language_of_the_page(client):
    seminar = make_seminar()
    client.post(f"/tr/qualifizierung/seminare/{seminar.pk}/", registration_data())
    registration = Registration.objects.get(seminar=seminar)
    assert registration.language == "tr"
    assert link_from(delivered_mails()[0]).startswith("/tr/")
    assert "Merhaba" in delivered_mails()[0].body


def test_confirming_takes_a_seat_and_a_second_confirmation_changes_nothing(client):
    seminar = make_seminar(capacity=3)
    register(client, seminar, participants="2", membership="both")
    path = link_from(delivered_mails()[0])
    page = client.get(path)
    assert page.status_code == 200
    assert (
        "Confirm my registration" in page.content.decode() or "bestätigen" in page.content.decode()
    )
    assert page["Cache-Control"] == "no-store"
    confirmed = confirm(client, path)
    # Redirected (303) to the registration page, so reloading it sends nothing again.
    assert confirmed.status_code == 303
    assert confirmed["Location"] == path
    assert status_of("ayse@example.org") == RegistrationStatus.CONFIRMED
    assert seminar.seats_left == 1
    assert len(delivered_mails()) == 2
    assert confirm(client, path).status_code == 303
    assert seminar.seats_left == 1
    assert len(delivered_mails()) == 2


def test_when_seats_run_out_registrations_wait_in_order_and_move_up_on_cancellation(client):
    seminar = make_seminar(capacity=2)
    first = registered(client, seminar, "eins@example.org")
    registered(client, seminar, "zwei@example.org")
    registered(client, seminar, "drei@example.org")
    registered(client, seminar, "vier@example.org")
    assert [status_of(f"{n}@example.org") for n in ("eins", "zwei", "drei", "vier")] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert Registration.objects.get(email="vier@example.org").waiting_position() == 2
    page = client.get(seminar.get_absolute_url()).content.decode()
    assert "waiting list" in page or "Warteliste" in page

    delivered_mails().clear()  # what was sent before the cancellation
    response = client.post(first + "abmelden/")
    assert response.status_code == 303
    assert status_of("eins@example.org") == RegistrationStatus.CANCELLED
    assert status_of("drei@example.org") == RegistrationStatus.CONFIRMED
    assert status_of("vier@example.org") == RegistrationStatus.WAITLISTED
    assert seminar.seats_left == 0
    recipients = sorted(message.to[0] for message in delivered_mails())
    assert recipients == ["drei@example.org", "eins@example.org"]
    moved_up = next(m for m in delivered_mails() if m.to == ["drei@example.org"])
    assert "Warteliste" in moved_up.subject


def test_a_group_that_does_not_fit_waits_and_nobody_jumps_the_queue(client):
    seminar = make_seminar(capacity=4)
    first = registered(client, seminar, "a@example.org", participants=3)
    registered(client, seminar, "gruppe@example.org", participants=3)
    registered(client, seminar, "single@example.org")
    assert status_of("gruppe@example.org") == "waitlisted"
    # One seat is free, but someone is waiting: the single joins the end of the list.
    assert status_of("single@example.org") == "waitlisted"
    client.post(first + "abmelden/")
    assert status_of("gruppe@example.org") == "confirmed"
    assert status_of("single@example.org") == "confirmed"
    assert seminar.confirmed_participants() == 4


def test_the_same_email_twice_for_one_seminar_is_recognised(client):
    seminar = make_seminar()
    register(client, seminar)
    response = register(client, seminar, email="AYSE@example.org ")
    assert response.status_code == 409
    assert (
        "already registered" in response.content.decode() or "bereits" in response.content.decode()
    )
    assert Registration.objects.filter(seminar=seminar).count() == 1
    # Another seminar is fine.
    other = make_seminar()
    assert register(client, other).status_code == 302


def test_after_cancelling_the_same_email_can_register_again(client):
    seminar = make_seminar()
    path = registered(client, seminar, "wieder@example.org")
    client.post(path + "abmelden/")
    assert register(client, seminar, email="wieder@example.org").status_code == 302


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-address"),
        ("participants", "0"),
        ("participants", "-3"),
        ("participants", "100000000000000000000"),
        ("participants", "drei"),
        ("consent", ""),
        ("homepage", "http://spam.example"),
        ("municipality", "atlantis"),
        ("membership", "king"),
        ("contact_name", ""),
    ],
)
def test_bad_input_gets_a_message_on_the_field_and_saves_nothing(client, field, value):
    seminar = make_seminar()
    data = {field: value}
    response = register(client, seminar, **data)
    assert response.status_code == 400
    content = response.content.decode()
    # Listed in the error summary at the top of the form; field errors also at the field.
    summary = content.split('class="error-summary"')[1].split("</div>")[0]
    assert "<li>" in summary
    assert field == "homepage" or 'class="error"' in content
    assert Registration.objects.count() == 0
    assert delivered_mails() == []


def test_the_number_of_people_alone_decides_between_one_person_and_a_group(client):
    seminar = make_seminar()
    page = client.get(seminar.get_absolute_url()).content.decode()
    assert 'name="kind"' not in page
    assert re.search(r'name="participants" value="1"', page)
    # A stale "kind" from an old form changes nothing: three people are a group.
    assert register(client, seminar, kind="single", participants="3").status_code == 302
    assert register(client, seminar, email="eine@example.org").status_code == 302
    kinds = dict(Registration.objects.values_list("email", "kind"))
    assert kinds == {"ayse@example.org": "group", "eine@example.org": "single"}


def test_one_person_cannot_be_both_elected_and_delegated(client):
    seminar = make_seminar()
    response = register(client, seminar, participants="1", membership="both")
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_a_group_larger_than_the_seminar_is_refused(client):
    seminar = make_seminar(capacity=5)
    response = register(client, seminar, participants="6", membership="both")
    assert response.status_code == 400
    assert "5" in response.content.decode()


@pytest.mark.parametrize(
    ("change", "text"),
    [
        ({"registration_deadline": days(-1)}, "deadline"),
        ({"status": SeminarStatus.CANCELLED}, "cancelled"),
        ({"status": SeminarStatus.FULL}, "fully booked"),
        ({"status": SeminarStatus.PLANNED}, "not opened"),
    ],
)
def test_closed_seminars_say_why_and_accept_nothing(client, change, text):
    seminar = make_seminar(**change)
    page = client.get(f"/en/qualifizierung/seminare/{seminar.pk}/")
    assert text in page.content.decode()
    assert 'name="contact_name"' not in page.content.decode()
    response = client.post(f"/en/qualifizierung/seminare/{seminar.pk}/", registration_data())
    assert response.status_code == 409
    assert text in response.content.decode()
    assert Registration.objects.count() == 0


def test_too_many_posts_from_one_address_are_stopped(client, settings):
    settings.QUALIFICATION_POST_LIMIT = 3
    seminar = make_seminar()
    codes = [register(client, seminar, email=f"p{n}@example.org").status_code for n in range(5)]
    assert codes[:3] == [302, 302, 302]
    assert codes[3:] == [429, 429]
    assert Registration.objects.count() == 3
    # Another address is not affected.
    other = client.post(
        seminar.get_absolute_url(),
        registration_data(email="x@example.org"),
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 302


def test_forged_or_expired_links_get_a_clear_page_not_an_error(client):
    seminar = make_seminar()
    register(client, seminar)
    registration = Registration.objects.get()
    forged = "/de/qualifizierung/anmeldung/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/"
    assert client.get(forged).status_code == 404
    assert "nicht gültig" in client.post(forged + "bestaetigen/").content.decode()
    assert client.post(forged + "abmelden/").status_code == 404
    assert client.get(forged + "bestaetigen/").status_code == 405

    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=73)
    )
    path = f"/de/qualifizierung/anmeldung/{registration.token}/"
    response = confirm(client, path)
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    assert status_of("ayse@example.org") == RegistrationStatus.PENDING


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_failing_mail_server_loses_nothing_and_the_worker_retries_later(client, settings):
    seminar = make_seminar()
    assert register(client, seminar).status_code == 302
    registration = Registration.objects.get()
    notification = Notification.objects.get(registration=registration)
    assert notification.sent_at is None
    assert notification.attempts == 0  # the request only saved the mail

    # A real SMTP connection to a port where no server listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = unused_port()
    settings.EMAIL_TIMEOUT = 2
    call_command("send_pending_mails", stdout=io.StringIO())
    notification.refresh_from_db()
    assert notification.sent_at is None
    assert notification.attempts == 1
    assert notification.last_error
    assert "ayse" not in notification.last_error
    assert notification.next_attempt_at > timezone.now() + datetime.timedelta(seconds=30)

    # Not due yet: the next pass leaves it alone.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_mails", stdout=io.StringIO())
    assert mail.outbox == []

    Notification.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_mails", stdout=io.StringIO())
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 2
    assert len(mail.outbox) == 1
    assert registration.token in mail.outbox[0].body
    call_command("send_pending_mails", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_staff_raising_the_capacity_moves_the_waiting_list_up(client, admin_client):
    seminar = make_seminar(capacity=1)
    registered(client, seminar, "eins@example.org")
    registered(client, seminar, "zwei@example.org")
    assert status_of("zwei@example.org") == "waitlisted"
    from qualification.services import seminar_changed

    seminar.capacity = 2
    seminar.save()
    seminar_changed(seminar, seminar.status, 1)
    assert status_of("zwei@example.org") == "confirmed"

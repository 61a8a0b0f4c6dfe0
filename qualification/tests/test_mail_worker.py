"""The mail worker: real SMTP on loopback, a stalled server, retries with backoff."""

import datetime
import time

import pytest
from django.utils import timezone

from qualification import services
from qualification.models import Notification

from .factories import make_seminar, registration_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    def use(port, timeout=10):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_TIMEOUT = timeout

    return use


def register(client, seminar, email="ayse@example.org"):
    return client.post(seminar.get_absolute_url(), registration_data(email=email))


def test_a_registration_mail_reaches_a_real_smtp_server_once(client, smtp, smtp_sink):
    smtp(smtp_sink.port)
    seminar = make_seminar()
    assert register(client, seminar).status_code == 302
    assert smtp_sink.messages == []  # the request only saved the mail
    assert services.send_due() == (1, 0)
    assert services.send_due() == (0, 0)
    [(recipients, content)] = smtp_sink.messages
    assert recipients == ["ayse@example.org"]
    token = Notification.objects.get().registration.token
    assert token.encode() in content


def test_a_stalled_mail_server_holds_neither_the_request_nor_the_worker(client, smtp, stalled_smtp):
    smtp(stalled_smtp, timeout=1)
    seminar = make_seminar()
    started = time.monotonic()
    assert register(client, seminar).status_code == 302
    assert time.monotonic() - started < 1
    assert client.get("/de/").status_code == 200

    started = time.monotonic()
    assert services.send_due() == (0, 1)
    # It waited for the server's greeting for EMAIL_TIMEOUT, not forever.
    assert 1 <= time.monotonic() - started < 5
    notification = Notification.objects.get()
    assert notification.sent_at is None
    assert notification.last_error  # smtplib reports the timeout as a lost connection
    assert notification.claimed_until is None
    assert notification.next_attempt_at > timezone.now()


def test_failed_mails_wait_longer_each_time_and_finally_wait_for_staff(settings, client):
    settings.QUALIFICATION_MAIL_RETRY_SECONDS = 60
    settings.QUALIFICATION_MAIL_RETRY_MAX_SECONDS = 600
    settings.QUALIFICATION_MAIL_MAX_ATTEMPTS = 3
    assert [services.retry_delay(n) for n in range(1, 6)] == [60, 120, 240, 480, 600]

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard: nothing listens, the connection is refused
    register(client, make_seminar())
    for attempt in (1, 2, 3):
        Notification.objects.update(next_attempt_at=timezone.now())
        assert services.send_due() == (0, 1)
        assert Notification.objects.get().attempts == attempt
    notification = Notification.objects.get()
    assert notification.next_attempt_at is None  # given up: not due any more
    assert not Notification.objects.due().exists()
    assert services.queue_again(Notification.objects.all()) == 1
    assert Notification.objects.due().exists()


def test_a_claimed_mail_is_not_claimed_again_until_its_claim_runs_out(client):
    register(client, make_seminar())
    first = services.claim()
    assert len(first) == 1
    assert services.claim() == []
    later = timezone.now() + datetime.timedelta(hours=1)
    assert services.claim(now=later) == first

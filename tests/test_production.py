"""The proof of issue 8, on PostgreSQL: the portal as it runs in production.

redis-server (unprivileged, temporary directory, loopback) and two gunicorn
instances on two ports share the test database. Shown here:

- an edit saved through instance 1 shows on instance 2 at the next request;
- the rate limit counts across both instances, per client address behind the proxy;
- 100 simultaneous confirmations spread over both instances never overbook,
  and the waiting list moves up in order;
- two mail workers deliver every mail exactly once (to a real SMTP server);
- a PostgreSQL server of its own restarted while serving: the instance
  recovers without a restart; the closing note says how many requests failed
  and for how long.
"""

import collections
import threading
import time

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import current_code
from qualification.models import Notification, Registration, RegistrationStatus
from qualification.services import new_token
from qualification.tests.factories import make_seminar, registration_data
from qualification.tests.test_staff import add_registration

from .processes import Gunicorn, MailWorker, Postgres, Redis, Visitor, manage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.production,
    pytest.mark.django_db(transaction=True),
]

POST_LIMIT = 6


def database_url():
    params = connection.settings_dict
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    port = params["PORT"] or 5432
    return f"postgres://{params['USER']}{password}@{params['HOST']}:{port}/{params['NAME']}"


@pytest.fixture(scope="module")
def redis_server():
    server = Redis()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def instances(django_db_setup, django_db_blocker, redis_server, tmp_path_factory):
    with django_db_blocker.unblock():
        url = database_url()
    logs = tmp_path_factory.mktemp("instances")
    common = {
        "DATABASE_URL": url,
        "REDIS_URL": redis_server.url,
        "WEB_CONCURRENCY": 2,
        "GUNICORN_THREADS": 4,
        "QUALIFICATION_POST_LIMIT": POST_LIMIT,
        "SITE_URL": "http://127.0.0.1",
    }
    started = []
    try:
        for _ in range(2):
            started.append(Gunicorn(logs, **common))
        yield started
    finally:
        for instance in started:
            instance.stop()


@pytest.fixture
def clean_redis(redis_server):
    import redis

    redis.Redis.from_url(redis_server.url).flushdb()


def in_parallel(jobs, timeout=120):
    """Run the jobs in threads that start together; returns their results in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        barrier.wait(timeout=30)
        try:
            results[index] = job()
        except Exception as error:  # noqa: BLE001 - reported by the caller's assertions
            results[index] = error

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results


def test_an_edit_through_instance_1_shows_on_instance_2_at_once(
    portal_data, instances, clean_redis
):
    one, two = instances
    chefin = User.objects.create_superuser("chefin", password="pw-Test-12345")
    device = TOTPDevice.objects.create(user=chefin, name="App", confirmed=True)
    seminar = make_seminar(capacity=4)
    registration = add_registration(seminar, "Eine Person", "eine@example.org")
    assert seminar.seats_left == 3

    staff = Visitor()
    login = staff.submit(
        one.url + "/admin/login/",
        {"username": "chefin", "password": "pw-Test-12345", "otp_token": current_code(device)},
        action=one.url + "/admin/login/?next=/admin/",
    )
    assert login.status == 302
    cancelled = staff.submit(
        one.url + "/admin/qualification/registration/",
        {"action": "cancel_registrations", "_selected_action": [registration.pk]},
    )
    assert cancelled.status == 302
    # The session made on instance 1 is valid on instance 2, and instance 2 shows the edit.
    admin_page = staff.get(two.url + f"/admin/qualification/registration/{registration.pk}/change/")
    assert admin_page.status == 200
    assert "Storniert" in admin_page.body or "cancelled" in admin_page.body
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert seminar.seats_left == 4


def test_the_rate_limit_counts_across_both_instances_per_client_address(
    portal_data, instances, clean_redis
):
    one, two = instances
    seminar = make_seminar(capacity=50)
    page = f"/de/qualifizierung/seminare/{seminar.pk}/"
    client = Visitor(forwarded_for="203.0.113.7")
    codes = []
    for n in range(POST_LIMIT + 4):
        instance = (one, two)[n % 2]
        response = client.submit(instance.url + page, registration_data(email=f"p{n}@example.org"))
        codes.append(response.status)
    assert codes == [302] * POST_LIMIT + [429] * 4
    assert Registration.objects.filter(seminar=seminar).count() == POST_LIMIT

    # Other clients behind the same proxy are not blocked, on either instance ...
    for n, instance in enumerate((one, two)):
        other = Visitor(forwarded_for=f"198.51.100.{n + 1}")
        response = other.submit(instance.url + page, registration_data(email=f"o{n}@example.org"))
        assert response.status == 302
    # ... and the blocked client's links still work: they count per link.
    token = Registration.objects.filter(seminar=seminar).first().token
    link = f"/de/qualifizierung/anmeldung/{token}/"
    confirmed = client.submit(one.url + link, {}, action=one.url + link + "bestaetigen/")
    assert confirmed.status == 303  # redirected to the registration page


def test_100_simultaneous_confirmations_on_two_instances_never_overbook(
    portal_data, instances, clean_redis
):
    capacity = 30
    seminar = make_seminar(capacity=capacity)
    tokens = []
    for n in range(100):
        token = new_token()
        add_registration(seminar, f"Person {n}", f"p{n}@example.org", status="pending", token=token)
        tokens.append(token)
    visitor = Visitor()
    csrf = visitor.csrf_token(instances[0].url + f"/de/qualifizierung/anmeldung/{tokens[0]}/")

    def confirm(n, token):
        instance = instances[n % 2]
        link = f"{instance.url}/de/qualifizierung/anmeldung/{token}/"
        return lambda: visitor.submit(link, {}, action=link + "bestaetigen/", token=csrf).status

    statuses = in_parallel([confirm(n, token) for n, token in enumerate(tokens)])
    assert collections.Counter(statuses) == {303: 100}
    registrations = Registration.objects.filter(seminar=seminar)
    assert registrations.filter(status="confirmed").count() == capacity
    waiting = list(Registration.objects.waiting_list(seminar))
    assert len(waiting) == 100 - capacity
    assert [r.waiting_position() for r in waiting[:3]] == [1, 2, 3]

    # Five confirmed cancel at once: the first five in line move up, in order.
    leaving = list(registrations.filter(status="confirmed")[:5])

    def cancel(n, registration):
        instance = instances[n % 2]
        link = f"{instance.url}/de/qualifizierung/anmeldung/{registration.token}/"
        return lambda: visitor.submit(link, {}, action=link + "abmelden/", token=csrf).status

    assert in_parallel([cancel(n, r) for n, r in enumerate(leaving)]) == [303] * 5
    moved = [r.pk for r in waiting[:5]]
    assert set(registrations.filter(status="confirmed").values_list("pk", flat=True)) >= set(moved)
    assert registrations.filter(status="confirmed").count() == capacity
    assert [r.pk for r in Registration.objects.waiting_list(seminar)] == [r.pk for r in waiting[5:]]


def test_two_mail_workers_deliver_every_mail_exactly_once(
    portal_data, instances, smtp_sink, tmp_path
):
    seminar = make_seminar(capacity=100)
    for n in range(60):
        registration = add_registration(seminar, f"Person {n}", f"m{n}@example.org")
        Notification.objects.create(registration=registration, kind="confirmed")
    environment = {
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": smtp_sink.port,
    }
    workers = [MailWorker(tmp_path, n, **environment) for n in (1, 2)]
    try:
        deadline = time.monotonic() + 90
        while Notification.objects.unsent().exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # a duplicate would arrive now
    finally:
        for worker in workers:
            worker.stop()
    assert not Notification.objects.unsent().exists()
    received = collections.Counter(rcpt for rcpts, _ in smtp_sink.messages for rcpt in rcpts)
    assert received == {f"m{n}@example.org": 1 for n in range(60)}


def test_a_postgresql_restart_while_serving_is_survived_without_restarting_gunicorn(
    tmp_path, closing_note
):
    server = Postgres()
    instance = None
    try:
        manage("migrate", "--noinput", DATABASE_URL=server.url)
        instance = Gunicorn(tmp_path, DATABASE_URL=server.url, WEB_CONCURRENCY=2)
        results = []
        stop_load = threading.Event()

        def load():
            visitor = Visitor()
            paths = ["/healthz", "/de/qualifizierung/seminare/"]
            n = 0
            while not stop_load.is_set():
                started = time.monotonic()
                try:
                    status = visitor.get(instance.url + paths[n % 2], timeout=10).status
                except Exception:  # noqa: BLE001 - a failed request is what we count
                    status = 0
                results.append((started, time.monotonic(), status))
                n += 1

        threads = [threading.Thread(target=load) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(3)
        restart_began = time.monotonic()
        server.pg_ctl("restart", "-m", "fast")
        restart_took = time.monotonic() - restart_began
        time.sleep(5)
        stopped = time.monotonic()
        stop_load.set()
        for thread in threads:
            thread.join(15)
    finally:
        if instance:
            instance.stop()
        server.stop()

    failed = [(start, end) for start, end, status in results if status != 200]
    statuses = collections.Counter(status for _, _, status in results)
    slowest = max(end - start for start, end, _ in results)
    summary = f"statuses {dict(statuses)}, slowest request {slowest:.2f} s"
    before = [status for start, end, status in results if end < restart_began]
    last_second = [status for start, end, status in results if start > stopped - 1]
    assert before and set(before) == {200}, summary
    # While the database was away, visitors read "briefly unavailable" (503,
    # Retry-After); no request failed otherwise or waited for the client's timeout.
    assert set(statuses) <= {200, 503}, summary
    # Recovered on its own: the last second of load was served without errors.
    assert last_second and set(last_second) == {200}, summary
    window = (max(end for _, end in failed) - min(start for start, _ in failed)) if failed else 0
    closing_note(
        f"PostgreSQL restart while serving (gunicorn, 2 workers, 4 clients in a loop): "
        f"{len(results)} requests, {len(failed)} answered 503 within {window:.2f} s, "
        f"the slowest took {slowest:.2f} s; pg_ctl restart -m fast took {restart_took:.2f} s; "
        f"gunicorn was not restarted"
    )

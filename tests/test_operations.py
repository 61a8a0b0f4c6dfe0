"""Operating the portal: health endpoint, request log, client address, SQLite under load."""

import logging
import sqlite3
import threading
import time

import pytest
from django.db import connection
from django.test import RequestFactory, override_settings

from helpers.network import client_address
from lir_portal.logs import MaskingFormatter, RequestContextFilter, mask
from qualification.models import Registration
from qualification.tests.factories import make_seminar, registration_data

from .processes import Gunicorn, MailWorker, Visitor


@pytest.mark.django_db
def test_healthz_reports_database_and_cache_and_nothing_else(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_cache_is_down(client, unused_tcp_port):
    dead_redis = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{unused_tcp_port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
        }
    }
    with override_settings(CACHES=dead_redis):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


@pytest.fixture
def unused_tcp_port():
    from .processes import free_port

    return free_port()


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        # No trusted proxy in between: the header is anyone's to write.
        ("198.51.100.9", "203.0.113.1", "198.51.100.9"),
        # Through the proxy: the address it saw.
        ("127.0.0.1", "203.0.113.1", "203.0.113.1"),
        # A client forging the header in front of the proxy gets its own address.
        ("127.0.0.1", "6.6.6.6, 203.0.113.1", "203.0.113.1"),
        # Two trusted proxies in a row.
        ("127.0.0.1", "203.0.113.1, 10.0.0.5", "203.0.113.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "not an address", "127.0.0.1"),
        ("::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_address_is_read_from_trusted_proxies_only(peer, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXIES=["127.0.0.1", "::1", "10.0.0.0/8"]):
        assert client_address(request) == expected


def test_log_lines_mask_e_mail_addresses_and_link_tokens():
    token = "buV5XDesQJ1LvhlA3h2jmh86KtwcieEjaHN48sRK8Ak"
    line = mask(
        f"POST /de/qualifizierung/anmeldung/{token}/bestaetigen/ for ayse.yilmaz@example.org"
    )
    assert token not in line and "ayse.yilmaz" not in line
    assert "/anmeldung/buV5…/bestaetigen/" in line
    assert "a***@example.org" in line
    assert mask("mail%40example.org") == "m***@example.org"


@pytest.mark.django_db
def test_each_request_is_logged_once_with_its_id(client, caplog):
    formatter = MaskingFormatter("[%(request_id)s] %(message)s")
    context = RequestContextFilter()
    with caplog.at_level(logging.INFO, logger="lir_portal.requests"):
        response = client.get("/robots.txt?email=ayse@example.org")
    [record] = [r for r in caplog.records if r.name == "lir_portal.requests"]
    context.filter(record)
    line = formatter.format(record)
    assert line == f"[{response['X-Request-ID']}] GET /robots.txt 200 " + line.split()[-1]
    assert "ayse" not in line


@pytest.mark.production
@pytest.mark.django_db(transaction=True)
def test_sqlite_serves_20_concurrent_registrations_without_errors_while_mail_stalls(
    portal_data, tmp_path, stalled_smtp
):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite configuration (WAL, IMMEDIATE, busy timeout)")
    seminar = make_seminar(capacity=50)
    database = tmp_path / "portal.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(database)
    connection.connection.backup(copy)
    copy.close()
    common = {
        "DATABASE_URL": f"sqlite:///{database}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": stalled_smtp,
        "EMAIL_TIMEOUT": 30,
    }
    server = Gunicorn(
        tmp_path, WEB_CONCURRENCY=2, GUNICORN_THREADS=4, QUALIFICATION_POST_LIMIT=1000, **common
    )
    worker = MailWorker(tmp_path, 1, **common)
    try:
        page = f"{server.url}/de/qualifizierung/seminare/{seminar.pk}/"
        # The mail worker hangs on the stalled server; a registration does not.
        first = Visitor()
        token = first.csrf_token(page)
        started = time.monotonic()
        response = first.submit(page, registration_data(email="first@example.org"), token=token)
        assert response.status == 302
        assert time.monotonic() - started < 1
        assert Visitor().get(server.url + "/de/").status == 200

        visitors = [Visitor() for _ in range(20)]
        tokens = [visitor.csrf_token(page) for visitor in visitors]
        barrier = threading.Barrier(20)
        statuses = []

        def post(n):
            barrier.wait(30)
            data = registration_data(email=f"p{n}@example.org")
            statuses.append(visitors[n].submit(page, data, token=tokens[n]).status)

        threads = [threading.Thread(target=post, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        worker.stop()
        server.stop()
    assert statuses == [302] * 20
    with sqlite3.connect(database) as saved:
        count = saved.execute(
            "SELECT COUNT(*) FROM qualification_registration WHERE seminar_id = ?", [seminar.pk]
        ).fetchone()[0]
        mode = saved.execute("PRAGMA journal_mode").fetchone()[0]
    assert count == 21
    assert mode == "wal"
    assert Registration.objects.filter(seminar=seminar).count() == 0  # the copy, not the test DB

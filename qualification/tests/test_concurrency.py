"""On PostgreSQL: parallel confirmations for the last seats never overbook.

Real threads, each with its own database connection, start their requests at
the same moment; the seminar row lock serialises them.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from qualification.models import Registration, RegistrationStatus
from qualification.services import new_token

from .factories import make_seminar
from .test_staff import add_registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_in_parallel(jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def worker(job):
        try:
            barrier.wait(timeout=10)
            job()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


@pytest.mark.parametrize("groups", [[1] * 8, [2, 1, 2, 1, 3, 1]])
def test_parallel_confirmations_never_exceed_the_capacity(portal_data, settings, groups):
    settings.QUALIFICATION_POST_LIMIT = 1000
    seminar = make_seminar(capacity=3)
    tokens = []
    for n, size in enumerate(groups):
        token = new_token()
        add_registration(
            seminar,
            f"Person {n}",
            f"p{n}@example.org",
            status="pending",
            token=token,
            participants=size,
            kind="group" if size > 1 else "single",
        )
        tokens.append(token)

    statuses = []

    def confirm(token):
        def job():
            response = Client().post(f"/de/qualifizierung/anmeldung/{token}/bestaetigen/")
            statuses.append(response.status_code)

        return job

    run_in_parallel([confirm(token) for token in tokens])
    assert statuses == [303] * len(groups)  # each redirected to its registration page
    confirmed = Registration.objects.filter(seminar=seminar, status=RegistrationStatus.CONFIRMED)
    assert sum(r.participants for r in confirmed) <= 3
    assert not Registration.objects.filter(seminar=seminar, status="pending").exists()
    waiting = Registration.objects.filter(seminar=seminar, status="waitlisted").count()
    assert confirmed.count() + waiting == len(groups)
    assert seminar.confirmed_participants() >= 1


def test_parallel_registrations_with_one_address_are_saved_once(portal_data, settings):
    settings.QUALIFICATION_POST_LIMIT = 1000
    from .factories import registration_data

    seminar = make_seminar()
    codes = []

    def job():
        response = Client().post(seminar.get_absolute_url(), registration_data())
        codes.append(response.status_code)

    run_in_parallel([job] * 5)
    assert sorted(codes) == [302, 409, 409, 409, 409]
    assert Registration.objects.filter(seminar=seminar).count() == 1

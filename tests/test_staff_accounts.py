"""Staff accounts: second factor, login lockout, audit trail."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import STAFF_PASSWORD, current_code
from qualification.access import OFFICE_GROUP, VHS_GROUP

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def make_staff(django_user_model):
    def make(username, group=None, superuser=False):
        user = django_user_model.objects.create_user(
            username, password=STAFF_PASSWORD, is_staff=True, is_superuser=superuser
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


def log_in(client, username, password=STAFF_PASSWORD, code=""):
    return client.post(LOGIN, {"username": username, "password": password, "otp_token": code})


def enrol(username):
    out = io.StringIO()
    call_command("enrol_second_factor", username, "--no-qr", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(("group", "superuser"), [(OFFICE_GROUP, False), (None, True)])
def test_office_and_superusers_cannot_reach_the_admin_with_a_password_alone(
    client, make_staff, group, superuser
):
    make_staff("chefin", group, superuser)
    response = log_in(client, "chefin")
    assert response.status_code == 200
    assert "zweiten Faktor" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_password_only_session_of_the_office_is_refused(client, make_staff):
    client.force_login(make_staff("buero", OFFICE_GROUP))
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/qualification/registration/").status_code == 302


def test_enrolment_gives_an_app_key_and_recovery_codes_that_log_in(make_staff):
    make_staff("buero", OFFICE_GROUP)
    printed = enrol("buero")
    assert "otpauth://totp/" in printed
    codes = re.findall(r"^  ([a-z2-7]{8})$", printed, flags=re.M)
    assert len(codes) == 10

    app = Client()
    device = TOTPDevice.objects.get(user__username="buero")
    assert log_in(app, "buero", code=current_code(device)).status_code == 302
    assert app.get("/admin/").status_code == 200
    # A wrong code does not log in (and django-otp slows down further tries).
    wrong = Client()
    assert log_in(wrong, "buero", code="000000").status_code == 200
    assert wrong.get("/admin/").status_code == 302

    recovery = Client()
    assert log_in(recovery, "buero", code=codes[0]).status_code == 302
    assert recovery.get("/admin/").status_code == 200
    again = Client()
    assert log_in(again, "buero", code=codes[0]).status_code == 200  # each code once


def test_vhs_accounts_may_log_in_without_a_second_factor_or_with_one(make_staff):
    make_staff("vhs", VHS_GROUP)
    client = Client()
    assert log_in(client, "vhs").status_code == 302
    assert client.get("/admin/").status_code == 200
    enrol("vhs")
    later = Client()
    assert log_in(later, "vhs").status_code == 200  # once enrolled, the code is asked for
    device = TOTPDevice.objects.get(user__username="vhs")
    assert log_in(later, "vhs", code=current_code(device)).status_code == 302


def test_wrong_passwords_lock_the_account_for_that_address(make_staff, settings):
    make_staff("vhs", VHS_GROUP)
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "vhs", password="falsch").status_code == 200
    assert log_in(client, "vhs", password="falsch").status_code == 429
    locked = log_in(client, "vhs")  # now even the right password
    assert locked.status_code == 429
    assert "gesperrt" in locked.content.decode()
    assert client.get("/admin/").status_code == 302
    # Another address is not locked out of this account, the locked pair stays locked.
    assert log_in(Client(REMOTE_ADDR="198.51.100.7"), "vhs").status_code == 302
    assert log_in(Client(REMOTE_ADDR="203.0.113.9"), "vhs").status_code == 429
    # The documented unlock.
    call_command("axes_reset_username", "vhs", stdout=io.StringIO())
    assert log_in(Client(REMOTE_ADDR="203.0.113.9"), "vhs").status_code == 302


def test_the_lockout_is_counted_in_the_database():
    from axes.models import AccessAttempt

    client = Client(REMOTE_ADDR="203.0.113.10")
    log_in(client, "niemand", password="falsch")
    assert AccessAttempt.objects.filter(username="niemand", ip_address="203.0.113.10").exists()


def test_changes_in_the_admin_are_in_the_history(admin_client):
    from committees.models import Committee

    committee = Committee.objects.current().get(municipality__slug="koeln")

    def save(website):
        response = admin_client.post(
            f"/admin/committees/committee/{committee.pk}/change/",
            {
                "municipality": committee.municipality_id,
                "term": committee.term_id,
                "kind": committee.kind,
                "is_member": "on",
                "website": website,
                "note_de": "Sitzungen monatlich.",
            },
        )
        assert response.status_code == 302

    save("https://www.stadt-koeln.de/alt/")
    save("https://www.stadt-koeln.de/neu/")
    record = committee.history.latest()
    assert record.history_user.username == "admin"
    assert record.website == "https://www.stadt-koeln.de/neu/"
    html = admin_client.get(f"/admin/committees/committee/{committee.pk}/history/").content
    assert "https://www.stadt-koeln.de/alt/" in html.decode()
    assert "https://www.stadt-koeln.de/neu/" in html.decode()


def test_a_vhs_account_cannot_read_the_history_of_another_vhs(client, make_staff):
    from qualification.models import Registration, VhsAccount
    from qualification.tests.factories import make_seminar, make_vhs
    from qualification.tests.test_staff import add_registration

    own, other = make_vhs(name="VHS Eigen"), make_vhs(name="VHS Fremd")
    VhsAccount.objects.create(user=make_staff("vhs-eigen", VHS_GROUP), vhs=own)
    theirs = add_registration(make_seminar(vhs=other), "Fremde Person", "fremd@example.org")
    record = Registration.history.filter(id=theirs.pk).latest()
    client.force_login(VhsAccount.objects.get(vhs=own).user)
    base = f"/admin/qualification/registration/{theirs.pk}/history/"
    for url in (base, f"{base}{record.history_id}/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Fremde Person" not in response.content.decode()

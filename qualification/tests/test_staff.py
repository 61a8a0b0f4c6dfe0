"""Staff access: the office sees everything, a VHS account only its own data."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User

from qualification.access import OFFICE_GROUP, VHS_GROUP
from qualification.models import Registration, VhsAccount

from .factories import delivered_mails, make_seminar, make_vhs

pytestmark = pytest.mark.django_db


def add_registration(seminar, name, email, **fields):
    from municipalities.models import Municipality

    values = {
        "seminar": seminar,
        "contact_name": name,
        "email": email,
        "municipality": Municipality.objects.get(ags="05315000"),
        "membership": "elected",
        "consent": True,
        "status": "confirmed",
    }
    values.update(fields)
    return Registration.objects.create(**values)


def staff(username, group, vhs=None):
    user = User.objects.create_user(username, password="pw-Test-12345", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    if vhs:
        VhsAccount.objects.create(user=user, vhs=vhs)
    return user


@pytest.fixture
def two_vhs():
    own, other = make_vhs(name="VHS Eigen"), make_vhs(name="VHS Fremd")
    own_seminar, other_seminar = make_seminar(vhs=own), make_seminar(vhs=other)
    mine = add_registration(own_seminar, "Eigene Person", "eigen@example.org")
    theirs = add_registration(other_seminar, "Fremde Person", "fremd@example.org")
    return {
        "own": own,
        "other": other,
        "own_seminar": own_seminar,
        "other_seminar": other_seminar,
        "mine": mine,
        "theirs": theirs,
    }


@pytest.fixture
def vhs_client(client, two_vhs):
    client.force_login(staff("vhs-eigen", VHS_GROUP, two_vhs["own"]))
    return client


def test_the_groups_come_with_their_permissions():
    office = Group.objects.get(name=OFFICE_GROUP)
    vhs = Group.objects.get(name=VHS_GROUP)
    office_perms = set(office.permissions.values_list("codename", flat=True))
    vhs_perms = set(vhs.permissions.values_list("codename", flat=True))
    assert {"change_registration", "delete_volkshochschule", "add_module"} <= office_perms
    assert {"change_seminar", "view_registration"} <= vhs_perms
    assert not {"add_volkshochschule", "view_notification", "change_vhsaccount"} & vhs_perms


def test_a_vhs_account_lists_only_its_own_seminars_and_registrations(vhs_client, two_vhs):
    seminars = vhs_client.get("/admin/qualification/seminar/")
    assert seminars.status_code == 200
    assert list(seminars.context["cl"].result_list) == [two_vhs["own_seminar"]]
    registrations = vhs_client.get("/admin/qualification/registration/")
    content = registrations.content.decode()
    assert "Eigene Person" in content
    assert "Fremde Person" not in content
    search = vhs_client.get("/admin/qualification/registration/", {"q": "fremd"})
    assert "Fremde Person" not in search.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/qualification/registration/{theirs}/change/",
        "/admin/qualification/registration/{theirs}/history/",
        "/admin/qualification/seminar/{other_seminar}/change/",
        "/admin/qualification/seminar/{other_seminar}/delete/",
        "/admin/qualification/seminar/{other_seminar}/participants.csv",
        "/admin/qualification/seminar/{other_seminar}/participants/print/",
        "/admin/qualification/volkshochschule/{other}/change/",
        "/admin/qualification/notification/",
        "/admin/qualification/vhsaccount/",
    ],
)
def test_a_vhs_account_reaches_no_other_data_by_any_url(vhs_client, two_vhs, url):
    url = url.format(
        theirs=two_vhs["theirs"].pk,
        other_seminar=two_vhs["other_seminar"].pk,
        other=two_vhs["other"].pk,
    )
    response = vhs_client.get(url, follow=True)
    content = response.content.decode()
    assert "Fremde Person" not in content
    assert "fremd@example.org" not in content
    assert response.status_code in (403, 404) or response.redirect_chain


def test_a_vhs_account_cannot_move_a_seminar_to_another_vhs(vhs_client, two_vhs):
    seminar = two_vhs["own_seminar"]
    form = vhs_client.get(f"/admin/qualification/seminar/{seminar.pk}/change/")
    assert form.status_code == 200
    choices = form.context["adminform"].form.fields["vhs"].queryset
    assert list(choices) == [two_vhs["own"]]


def test_a_vhs_account_exports_its_own_participants(vhs_client, two_vhs):
    response = vhs_client.get(
        f"/admin/qualification/seminar/{two_vhs['own_seminar'].pk}/participants.csv"
    )
    assert response.status_code == 200
    assert b"eigen@example.org" in response.content
    printed = vhs_client.get(
        f"/admin/qualification/seminar/{two_vhs['own_seminar'].pk}/participants/print/"
    )
    assert "Eigene Person" in printed.content.decode()
    assert "<caption>" in printed.content.decode()


def test_the_office_sees_everything(client, two_vhs, second_factor_login):
    second_factor_login(client, staff("buero", OFFICE_GROUP))
    content = client.get("/admin/qualification/registration/").content.decode()
    assert "Eigene Person" in content and "Fremde Person" in content
    theirs = client.get(f"/admin/qualification/registration/{two_vhs['theirs'].pk}/change/")
    assert theirs.status_code == 200


def test_a_staff_login_without_vhs_or_office_sees_no_registration(client, two_vhs):
    user = staff("lost", VHS_GROUP)
    client.force_login(user)
    content = client.get("/admin/qualification/registration/").content.decode()
    assert "Eigene Person" not in content and "Fremde Person" not in content


def test_the_csv_opens_in_german_excel(admin_client, two_vhs):
    seminar = two_vhs["own_seminar"]
    add_registration(
        seminar,
        "Müller; Şahin",
        "gruppe@example.org",
        kind="group",
        participants=3,
        membership="both",
        accessibility_needs="=HYPERLINK(1)",
    )
    add_registration(seminar, "Wartende", "warte@example.org", status="waitlisted")
    response = admin_client.get(f"/admin/qualification/seminar/{seminar.pk}/participants.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 4
    assert len({len(row) for row in rows}) == 1
    names = [row[3] for row in rows[1:]]
    assert "Müller; Şahin" in names
    group = next(row for row in rows if row[3] == "Müller; Şahin")
    assert group[6] == "3"
    assert group[10] == "'=HYPERLINK(1)"
    assert rows[-1][3] == "Wartende" and rows[-1][1] == "1"
    assert "\r\n" in text


def test_mails_that_failed_are_shown_to_staff_and_can_be_sent_again(client, two_vhs):

    from qualification.models import Notification

    Notification.objects.create(
        registration=two_vhs["mine"],
        kind="confirmed",
        attempts=1,
        last_error="ConnectionRefusedError",
    )
    client.force_login(staff("vhs-eigen", VHS_GROUP, two_vhs["own"]))
    listed = client.get("/admin/qualification/registration/", {"mail": "unsent"})
    assert list(listed.context["cl"].result_list) == [two_vhs["mine"]]
    client.post(
        "/admin/qualification/registration/",
        {"action": "resend_mails", "_selected_action": [two_vhs["mine"].pk]},
    )
    assert [m.to for m in delivered_mails()] == [["eigen@example.org"]]
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


def test_staff_cancelling_a_registration_moves_the_waiting_list_up(client, two_vhs):
    seminar = two_vhs["own_seminar"]
    seminar.capacity = 1
    seminar.save()
    waiting = add_registration(
        seminar,
        "Wartend",
        "w@example.org",
        status="waitlisted",
        confirmed_at="2026-01-01T10:00:00Z",
    )
    client.force_login(staff("vhs-eigen", VHS_GROUP, two_vhs["own"]))
    client.post(
        "/admin/qualification/registration/",
        {"action": "cancel_registrations", "_selected_action": [two_vhs["mine"].pk]},
    )
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    # The action only reaches the account's own registrations.
    client.post(
        "/admin/qualification/registration/",
        {"action": "cancel_registrations", "_selected_action": [two_vhs["theirs"].pk]},
    )
    two_vhs["theirs"].refresh_from_db()
    assert two_vhs["theirs"].status == "confirmed"


def test_a_seminar_cancelled_in_the_admin_tells_its_registrants(admin_client, two_vhs):

    seminar = two_vhs["own_seminar"]
    page = admin_client.get(f"/admin/qualification/seminar/{seminar.pk}/change/")
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, list | dict)
    }
    data.update(
        {
            "module": seminar.module_id,
            "vhs": seminar.vhs_id,
            "status": "cancelled",
            "registration_deadline": seminar.registration_deadline.isoformat(),
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "1",
            "sessions-MIN_NUM_FORMS": "1",
            "sessions-MAX_NUM_FORMS": "1000",
        }
    )
    session = seminar.sessions.get()
    data.update(
        {
            "sessions-0-id": session.pk,
            "sessions-0-seminar": seminar.pk,
            "sessions-0-date": session.date.isoformat(),
            "sessions-0-start_time": "10:00",
            "sessions-0-end_time": "16:00",
        }
    )
    response = admin_client.post(f"/admin/qualification/seminar/{seminar.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [m.to for m in delivered_mails()] == [["eigen@example.org"]]

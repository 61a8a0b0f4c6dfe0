"""The seminar finder: distance ordering, filters, and a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.tests.factories import make_district, make_municipality
from qualification.models import Registration, SeminarFormat, SeminarStatus

from .factories import aufbau_module, days, make_seminar, make_vhs

pytestmark = pytest.mark.django_db

URL = "/de/qualifizierung/seminare/"


def listed(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [seminar.pk for seminar in response.context["results"]]


@pytest.fixture
def towns():
    """Three test towns on a line eastwards: 0, about 35 and about 70 km apart."""
    district = make_district(key="05998", name="Testkreis Ost")
    return [
        make_municipality(
            name=f"Ortsteil {n}",
            district=district,
            latitude=Decimal("51.50000"),
            longitude=Decimal("7.00000") + Decimal(n) / 2,
        )
        for n in range(3)
    ]


def test_near_me_sorts_by_distance_and_shows_kilometres(client, towns):
    far = make_seminar(vhs=make_vhs(towns[2]), start_in=5)
    near = make_seminar(vhs=make_vhs(towns[0]), start_in=40)
    middle = make_seminar(vhs=make_vhs(towns[1]), start_in=20)
    response = client.get(URL, {"near": towns[0].slug})
    ordered = [s.pk for s in response.context["results"] if s.pk in {far.pk, near.pk, middle.pk}]
    assert ordered == [near.pk, middle.pk, far.pk]
    distances = {s.pk: s.distance for s in response.context["results"]}
    assert distances[near.pk] == pytest.approx(0, abs=0.01)
    assert distances[middle.pk] == pytest.approx(34.7, abs=0.5)
    content = response.content.decode()
    assert "35 km" in content and "69 km" in content


def test_without_near_me_the_next_seminar_comes_first(client, towns):
    later = make_seminar(vhs=make_vhs(towns[0]), start_in=40)
    sooner = make_seminar(vhs=make_vhs(towns[2]), start_in=5)
    pks = [pk for pk in listed(client) if pk in {later.pk, sooner.pk}]
    assert pks == [sooner.pk, later.pk]


def test_past_seminars_are_hidden_unless_the_date_range_asks_for_them(client):
    past = make_seminar(start_in=-10)
    coming = make_seminar(start_in=10)
    assert past.pk not in listed(client)
    assert coming.pk in listed(client)
    assert past.pk in listed(client, date_from=days(-20).isoformat())


def test_filters_by_module_bezirk_vhs_format_and_dates(client):
    cologne_vhs = make_vhs(municipality=_get("05315000"))
    bielefeld_vhs = make_vhs(municipality=_get("05711000"))
    basis_koeln = make_seminar(vhs=cologne_vhs, start_in=10)
    aufbau_koeln = make_seminar(
        vhs=cologne_vhs, module=aufbau_module(), start_in=50, format=SeminarFormat.ONLINE
    )
    basis_bielefeld = make_seminar(vhs=bielefeld_vhs, start_in=20)
    ours = {basis_koeln.pk, aufbau_koeln.pk, basis_bielefeld.pk}

    def only_ours(**params):
        return {pk for pk in listed(client, **params) if pk in ours}

    assert only_ours(module="aufbaumodul") == {aufbau_koeln.pk}
    assert only_ours(regierungsbezirk="7") == {basis_bielefeld.pk}
    assert only_ours(regierungsbezirk="3") == {basis_koeln.pk, aufbau_koeln.pk}
    assert only_ours(vhs=bielefeld_vhs.slug) == {basis_bielefeld.pk}
    assert only_ours(format="online") == {aufbau_koeln.pk}
    assert only_ours(date_from=days(15).isoformat(), date_to=days(30).isoformat()) == {
        basis_bielefeld.pk
    }


def test_only_with_free_seats_leaves_out_full_and_cancelled_seminars(client):
    free = make_seminar(capacity=2)
    booked = make_seminar(capacity=1)
    closed = make_seminar(status=SeminarStatus.FULL)
    cancelled = make_seminar(status=SeminarStatus.CANCELLED)
    Registration.objects.create(
        seminar=booked,
        contact_name="X",
        email="x@example.org",
        municipality=_get("05315000"),
        membership="elected",
        consent=True,
        status="confirmed",
    )
    pks = listed(client, free_seats="on")
    assert free.pk in pks
    assert not {booked.pk, closed.pk, cancelled.pk} & set(pks)
    assert {booked.pk, closed.pk, cancelled.pk} <= set(listed(client))


def test_filter_values_that_make_no_sense_are_ignored_with_a_notice(client):
    seminar = make_seminar()
    response = client.get(URL, {"near": "atlantis", "date_from": "gestern", "format": "x"})
    assert response.status_code == 200
    assert seminar.pk in [s.pk for s in response.context["results"]]
    assert 'role="alert"' in response.content.decode()


def test_examples_and_cancellations_are_marked_visibly(client):
    example = make_seminar(is_example=True)
    cancelled = make_seminar(status=SeminarStatus.CANCELLED)
    content = client.get("/en" + URL[3:]).content.decode()
    assert content.count('class="badge badge-example"') >= 1
    assert 'class="badge badge-cancelled"' in content
    page = client.get(f"/en/qualifizierung/seminare/{example.pk}/").content.decode()
    assert "This seminar is an example" in page
    assert (
        "has been cancelled"
        in client.get(f"/en/qualifizierung/seminare/{cancelled.pk}/").content.decode()
    )


@pytest.mark.parametrize("url", [URL, "/de/qualifizierung/", "VHS"])
def test_list_pages_need_the_same_number_of_queries_for_more_seminars(client, url):
    vhs = make_vhs()
    if url == "VHS":
        url = vhs.get_absolute_url()
    make_seminar(vhs=vhs, session_days=2)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(6):
        make_seminar(vhs=vhs, session_days=3)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_near_me_does_not_add_queries_per_seminar(client, towns):
    make_seminar(vhs=make_vhs(towns[0]))
    client.get(URL, {"near": towns[1].slug})  # warm caches (demo data present or not)
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"near": towns[1].slug})
    for n in range(5):
        make_seminar(vhs=make_vhs(towns[n % 3]))
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"near": towns[1].slug})
    assert len(many) == len(few)


def _get(ags):
    from municipalities.models import Municipality

    return Municipality.objects.get(ags=ags)


def test_german_dates_filter_like_iso_dates_and_show_in_the_picker(client):
    coming = make_seminar(start_in=20)
    later = make_seminar(start_in=60)
    german = days(40).strftime("%d.%m.%Y")
    assert {coming.pk, later.pk} & set(listed(client, date_from=german)) == {later.pk}
    assert {coming.pk, later.pk} & set(listed(client, date_to=german)) == {coming.pk}
    page = client.get(URL, {"date_from": german}).content.decode()
    assert f'value="{days(40).isoformat()}"' in page
    assert 'role="alert"' not in page


def test_one_municipality_choice_and_more_filters_folded_away(client):
    page = client.get(URL).content.decode()
    assert page.count("<select") == page.count('name="near"') + 4  # module, bezirk, vhs, format
    assert 'name="municipality"' not in page
    more = page[page.index('<details class="more-filters"') :]
    more = more[: more.index("</details>")]
    assert '<details class="more-filters">' in page  # closed while unused
    for name in ("regierungsbezirk", "vhs", "format", "free_seats"):
        assert f'name="{name}"' in more
    for name in ("near", "module", "date_from", "date_to"):
        assert f'name="{name}"' not in more
    # A filter used from the fold keeps it open.
    assert (
        '<details class="more-filters" open>'
        in client.get(URL, {"format": "online"}).content.decode()
    )


def test_the_result_count_and_results_come_before_the_filters(client):
    make_seminar()
    page = client.get(URL).content.decode()
    assert (
        page.index('class="result-count"')
        < page.index("seminar-results")
        < page.index('class="filter-form')
    )


def test_a_long_list_comes_in_pages_and_keeps_the_sorting(client, towns):
    # Farther towns start sooner, so sorting by distance differs from the date order.
    for n in range(25):
        make_seminar(vhs=make_vhs(towns[n % 3]), start_in=60 - n)
    first = client.get(URL, {"near": towns[0].slug})
    assert len(first.context["results"]) == 20
    assert first.context["result_count"] >= 25
    content = first.content.decode()
    assert "Seite 1 von 2" in content
    assert f"near={towns[0].slug}&amp;page=2" in content

    second = client.get(URL, {"near": towns[0].slug, "page": 2})
    assert second.status_code == 200
    everything = first.context["results"] + second.context["results"]
    assert len({s.pk for s in everything}) == len(everything) == first.context["result_count"]
    distances = [s.distance for s in everything]
    assert distances == sorted(distances)

    beyond = client.get(URL, {"near": towns[0].slug, "page": 9})
    assert beyond.status_code == 404
    assert "Zur ersten Seite" in beyond.content.decode()


def change_form_data(client, seminar, sessions):
    """The seminar's admin change form as it is shown, its sessions replaced.

    `sessions` lists (session or None, date, delete): an existing session
    moved to `date` (or deleted), or a new one on `date`.
    """
    form = client.get(f"/admin/qualification/seminar/{seminar.pk}/change/").context["adminform"]
    data = {
        key: value
        for key, value in form.form.initial.items()
        if value is not None and not isinstance(value, list | dict)
    }
    initial = [session for session, _date, _delete in sessions if session]
    data.update(
        {
            "module": seminar.module_id,
            "vhs": seminar.vhs_id,
            "registration_deadline": seminar.registration_deadline.isoformat(),
            "sessions-TOTAL_FORMS": str(len(sessions)),
            "sessions-INITIAL_FORMS": str(len(initial)),
            "sessions-MIN_NUM_FORMS": "0",
            "sessions-MAX_NUM_FORMS": "1000",
        }
    )
    for number, (session, date, delete) in enumerate(sessions):
        prefix = f"sessions-{number}-"
        data.update(
            {
                prefix + "id": session.pk if session else "",
                prefix + "seminar": seminar.pk,
                prefix + "date": date.isoformat(),
                prefix + "start_time": "10:00",
                prefix + "end_time": "16:00",
            }
        )
        if delete:
            data[prefix + "DELETE"] = "on"
    return data


def test_sessions_changed_in_the_admin_move_the_seminar_in_the_finder(admin_client, client):
    early, late = make_seminar(start_in=10), make_seminar(start_in=20)
    assert listed(client) == [early.pk, late.pk]

    session = early.sessions.get()
    data = change_form_data(admin_client, early, [(session, days(40), False)])
    response = admin_client.post(f"/admin/qualification/seminar/{early.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert listed(client) == [late.pk, early.pk]
    assert listed(client, date_to=days(30).isoformat()) == [late.pk]

    # Its only session replaced by one that is over: no longer upcoming.
    data = change_form_data(
        admin_client, early, [(session, days(40), True), (None, days(-3), False)]
    )
    response = admin_client.post(f"/admin/qualification/seminar/{early.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert listed(client) == [late.pk]
    assert early.pk in listed(client, date_from=days(-5).isoformat())


def test_a_seminars_first_and_last_day_follow_its_sessions_however_they_change():
    from qualification.models import Seminar, SeminarSession

    def stored(seminar):
        return Seminar.objects.values_list("starts_on", "ends_on").get(pk=seminar.pk)

    seminar = make_seminar(start_in=10, session_days=3)
    assert stored(seminar) == (days(10), days(24))
    first, second, third = seminar.sessions.order_by("date")
    first.delete()
    assert stored(seminar) == (days(17), days(24))

    # A session moved to another seminar leaves the first one's dates behind.
    other = make_seminar(start_in=60)
    third.seminar = other
    third.save()
    assert stored(seminar) == (days(17), days(17))
    assert stored(other) == (days(24), days(60))

    # A copy read before a session was added does not write its old dates back.
    stale = Seminar.objects.get(pk=seminar.pk)
    SeminarSession.objects.create(
        seminar=seminar, date=days(5), start_time=datetime.time(9), end_time=datetime.time(12)
    )
    stale.note = "Raum geändert"
    stale.save()
    assert stored(seminar) == (days(5), days(17))

    # Bulk writes pass no signals; refresh_dates catches up.
    SeminarSession.objects.filter(seminar=seminar).update(date=days(90))
    Seminar.objects.filter(pk=seminar.pk).refresh_dates()
    assert stored(seminar) == (days(90), days(90))

    second.seminar.sessions.all().delete()
    assert stored(seminar) == (None, None)
    assert seminar not in Seminar.objects.public()

"""The seminar finder: distance ordering, filters, and a fixed number of queries."""

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

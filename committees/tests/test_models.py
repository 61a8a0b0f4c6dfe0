import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committees.models import RENAME_DATE, Committee, CommitteeKind, PublishedFigure, Term
from municipalities.tests.factories import make_municipality

from .factories import earlier_term, make_committee, make_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def cologne():
    from municipalities.models import Municipality

    return Municipality.objects.get(ags="05315000")


def test_name_before_the_rename_follows_the_chosen_kind(cologne):
    term = earlier_term()
    committee = Committee(municipality=cologne, term=term, kind=CommitteeKind.INTEGRATIONSRAT)
    assert committee.official_name == "Integrationsrat der Stadt Köln"
    committee.kind = CommitteeKind.INTEGRATIONSAUSSCHUSS
    assert committee.official_name == "Integrationsausschuss der Stadt Köln"


def test_name_from_first_november_2025_is_the_new_one(cologne):
    committee = Committee.objects.get(municipality=cologne, term__start=RENAME_DATE)
    assert (
        committee.official_name
        == "Ausschuss für Chancengerechtigkeit und Integration der Stadt Köln"
    )


def test_a_gemeinde_is_named_as_gemeinde():
    municipality = make_municipality(name="Hiddenhausen-Test", kind="gemeinde")
    committee = make_committee(municipality)
    assert committee.official_name.endswith("der Gemeinde Hiddenhausen-Test")


@pytest.mark.parametrize(
    ("start", "allowed"),
    [
        (RENAME_DATE - datetime.timedelta(days=1), CommitteeKind.INTEGRATIONSRAT),
        (RENAME_DATE, CommitteeKind.CHANCENGERECHTIGKEIT),
    ],
)
def test_the_law_decides_the_kind_on_either_side_of_the_rename(start, allowed):
    term = Term(start=start, end=start + datetime.timedelta(days=5 * 365))
    assert allowed in term.allowed_kinds
    assert len(term.allowed_kinds) == (1 if start >= RENAME_DATE else 3)


def test_an_old_kind_in_the_new_term_is_refused_with_a_reason(cologne):
    term = Term.objects.get(start=RENAME_DATE)
    committee = Committee(municipality=make_municipality(), term=term, kind="integrationsrat")
    with pytest.raises(ValidationError) as error:
        committee.full_clean()
    assert "1. November 2025" in str(error.value.message_dict["kind"])


def test_the_new_name_is_refused_for_an_earlier_term():
    term = earlier_term()
    committee = Committee(
        municipality=make_municipality(), term=term, kind=CommitteeKind.CHANCENGERECHTIGKEIT
    )
    with pytest.raises(ValidationError) as error:
        committee.full_clean()
    assert "kind" in error.value.message_dict


def test_a_second_committee_for_a_municipality_and_term_is_refused(cologne):
    term = Term.objects.get(start=RENAME_DATE)
    duplicate = Committee(municipality=cologne, term=term, kind=CommitteeKind.CHANCENGERECHTIGKEIT)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "bereits einen Ausschuss" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_term_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Term.objects.create(start=datetime.date(2031, 1, 1), end=datetime.date(2030, 1, 1))


def test_overlapping_terms_are_refused():
    term = Term(start=datetime.date(2028, 1, 1), end=datetime.date(2033, 1, 1))
    with pytest.raises(ValidationError, match="überschneidet sich"):
        term.full_clean()


def test_the_current_term_is_the_one_running_today():
    term = Term.objects.current()
    today = datetime.date.today()
    assert term.start <= today <= term.end


def test_seats_add_up():
    committee = make_committee(seats_elected=11, seats_delegated=6)
    assert committee.seats_total == 17
    assert make_committee().seats_total is None


def test_a_share_above_100_per_cent_is_refused():
    term = make_term(datetime.date(2040, 11, 1), datetime.date(2045, 10, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        PublishedFigure.objects.create(
            term=term,
            body="committees",
            metric="women_share",
            value=130,
            source="x",
            as_of=datetime.date(2040, 11, 1),
        )


def test_published_figures_are_shown_in_the_readers_number_format():
    from django.utils import translation

    figure = PublishedFigure.objects.get(
        term__start=RENAME_DATE, body="committees", metric="women_share"
    )
    with translation.override("de"):
        assert figure.shown == "43,15\u00a0%"
    with translation.override("en"):
        assert figure.shown == "43.15\u00a0%"
    countries = PublishedFigure.objects.get(
        term__start=RENAME_DATE, body="committees", metric="countries_of_origin"
    )
    with translation.override("en"):
        assert countries.shown == "more than 90"

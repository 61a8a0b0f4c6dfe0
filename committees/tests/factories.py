"""Test data builders: terms and committees (municipalities come from municipalities' builders)."""

import datetime

from model_bakery import baker

from committees.models import Committee, Term
from municipalities.tests.factories import make_municipality


def make_term(start, end):
    term, _ = Term.objects.get_or_create(start=start, defaults={"end": end})
    return term


def earlier_term():
    """The term 2020–2025; the real data holds none (no source lists its bodies)."""
    return make_term(datetime.date(2020, 11, 1), datetime.date(2025, 10, 31))


def current_term():
    return Term.objects.current()


def make_committee(municipality=None, term=None, **fields):
    term = term or current_term()
    fields.setdefault("kind", term.allowed_kinds[-1])
    return baker.make(
        Committee, municipality=municipality or make_municipality(), term=term, **fields
    )


def make_earlier_committee(municipality, kind="integrationsrat", **fields):
    """The municipality's body in the term 2020–2025, e.g. an Integrationsrat."""
    return make_committee(municipality, earlier_term(), kind=kind, **fields)

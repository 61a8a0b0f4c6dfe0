"""Test data builders: terms and committees (municipalities come from municipalities' builders)."""

from model_bakery import baker

from committees.models import Committee, Term
from municipalities.tests.factories import make_municipality


def make_term(start, end):
    term, _ = Term.objects.get_or_create(start=start, defaults={"end": end})
    return term


def current_term():
    return Term.objects.current()


def make_committee(municipality=None, term=None, **fields):
    term = term or current_term()
    fields.setdefault("kind", term.allowed_kinds[-1])
    return baker.make(
        Committee, municipality=municipality or make_municipality(), term=term, **fields
    )

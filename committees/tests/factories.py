"""Test data builders: valid municipalities and committees in free key ranges."""

import datetime
import itertools
from decimal import Decimal

from model_bakery import baker

from committees.models import Committee, CommitteeKind, Term
from municipalities.models import District, Municipality

_numbers = itertools.cycle(range(100, 1000))


def make_district(key="05999", name="Testkreis", kind=District.Kind.KREIS):
    district, _ = District.objects.get_or_create(key=key, defaults={"name": name, "kind": kind})
    return district


def make_municipality(name=None, district=None, **fields):
    number = next(_numbers)
    district = district or make_district()
    values = {
        "ags": f"{district.key}{number:03d}",
        "name": name or f"Testort {number}",
        "slug": f"testort-{number}",
        "kind": Municipality.Kind.STADT,
        "district": district,
        "latitude": Decimal("51.50000") + Decimal(number % 50) / 100,
        "longitude": Decimal("7.50000") + Decimal(number % 40) / 100,
    }
    values.update(fields)
    return baker.make(Municipality, **values)


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


def days(n):
    return datetime.timedelta(days=n)


__all__ = ["CommitteeKind", "make_committee", "make_municipality", "make_term", "make_district"]

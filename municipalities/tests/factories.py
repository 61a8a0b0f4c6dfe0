"""Test data builders: municipalities and districts in key ranges the real data does not use."""

import itertools
from decimal import Decimal

from model_bakery import baker

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

"""Import of the statistical offices' municipality directory (GV-ISys).

The input is the directory's "Auszug" table (all politically independent
municipalities with selected attributes) exported as CSV: semicolon separated,
one header row, records for the Land (Satzart 10), the Regierungsbezirke (20),
the Kreise and kreisfreie Städte (40) and the municipalities (60). Only NRW
records (Land 05) are taken. The import is split into loading (reading rows),
mapping (rows to values, with errors per line) and saving (update in place by
key, so a second run changes nothing).
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .models import District, Municipality

DISTRICT_KINDS = {
    "41": District.Kind.KREISFREIE_STADT,
    "42": District.Kind.KREISFREIE_STADT,
    "43": District.Kind.KREIS,
    "44": District.Kind.KREIS,
    "45": District.Kind.STAEDTEREGION,
}
MUNICIPALITY_KINDS = {
    "61": Municipality.Kind.STADT,
    "62": Municipality.Kind.STADT,
    "63": Municipality.Kind.STADT,
    "67": Municipality.Kind.STADT,
    "60": Municipality.Kind.GEMEINDE,
    "64": Municipality.Kind.GEMEINDE,
}
REQUIRED_COLUMNS = {"Satzart", "Textkennzeichen", "Land", "RB", "Kreis", "Gem", "Gemeindename"}
MUNICIPALITY_FIELDS = (
    "name",
    "kind",
    "latitude",
    "longitude",
    "population",
    "area_km2",
    "postcode",
)


class GVImportError(Exception):
    """The file cannot be imported; `errors` lists what is wrong, by line."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ImportReport:
    districts_created: int = 0
    districts_updated: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: list = field(default_factory=list)
    dry_run: bool = False


def describe(error):
    """'longitude: Ensure this value is less than or equal to 10.' for each field."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return "; ".join(error.messages)


def german_slug(name):
    """A URL slug that spells umlauts the German way: Köln -> koeln."""
    table = str.maketrans(
        {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
    )
    return slugify(name.translate(table))


# Names the statistical directory spells differently from the body itself.
OFFICIAL_SPELLINGS = {"Städteregion Aachen": "StädteRegion Aachen"}


def official_name(raw):
    """The name without the designation after the comma, in the official spelling.

    The directory writes "Köln, Stadt", "Solingen, Klingenstadt" or
    "Meschede, Kreis- und Hochschulstadt"; the kind of body is kept in `kind`.
    """
    name = raw.split(",", 1)[0].strip()
    return OFFICIAL_SPELLINGS.get(name, name)


def district_kind(code, name):
    """The StädteRegion Aachen is coded like a Kreis (43) in recent directories."""
    if name.casefold().startswith("städteregion"):
        return District.Kind.STAEDTEREGION
    return DISTRICT_KINDS[code]


def load_rows(source):
    """Read the CSV from a path, bytes or a text stream into dicts with line numbers."""
    if isinstance(source, bytes):
        raw = source
    elif hasattr(source, "read"):
        raw = source.read()
    else:
        with open(source, "rb") as handle:
            raw = handle.read()
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise GVImportError(
            [f"Header: missing columns {', '.join(sorted(missing))} (is this a GV-ISys extract?)"]
        )
    return [(number, row) for number, row in enumerate(reader, start=2)]


def _decimal(value, line, column, errors, places):
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return Decimal(value).quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:
        errors.append(f"Line {line}: {column} '{value}' is not a number.")
        return None


def map_rows(rows):
    """Turn rows into district and municipality values; collect errors per line."""
    districts, municipalities, errors = {}, {}, []
    for line, row in rows:
        row = {key: (value or "").strip() for key, value in row.items() if key}
        if row.get("Land") != "05":
            continue
        kind_code = row.get("Textkennzeichen", "")
        district_key = f"05{row.get('RB', '')}{row.get('Kreis', '')}"
        if row.get("Satzart") == "40":
            if kind_code not in DISTRICT_KINDS:
                errors.append(f"Line {line}: unknown district kind {kind_code!r}.")
                continue
            name = official_name(row["Gemeindename"])
            districts[district_key] = {"name": name, "kind": district_kind(kind_code, name)}
        elif row.get("Satzart") == "60":
            ags = f"{district_key}{row.get('Gem', '')}"
            if kind_code not in MUNICIPALITY_KINDS:
                errors.append(f"Line {line}: unknown municipality kind {kind_code!r}.")
                continue
            values = {
                "name": official_name(row["Gemeindename"]),
                "kind": MUNICIPALITY_KINDS[kind_code],
                "latitude": _decimal(row.get("Breitengrad"), line, "Breitengrad", errors, 5),
                "longitude": _decimal(row.get("Laengengrad"), line, "Laengengrad", errors, 5),
                "area_km2": _decimal(row.get("Flaeche_km2"), line, "Flaeche_km2", errors, 2),
                "postcode": row.get("PLZ", "")[:5],
                "district_key": district_key,
                "line": line,
            }
            population = row.get("Bevoelkerung", "").replace(".", "")
            if population and not population.isdigit():
                errors.append(f"Line {line}: population '{population}' is not a whole number.")
                population = ""
            values["population"] = int(population) if population else None
            if ags in municipalities:
                errors.append(f"Line {line}: the key {ags} appears twice.")
            municipalities[ags] = values
    for ags, values in municipalities.items():
        if (
            values["district_key"] not in districts
            and not District.objects.filter(key=values["district_key"]).exists()
        ):
            errors.append(
                f"Line {values['line']}: no district record for {ags} "
                f"(expected key {values['district_key']})."
            )
    return districts, municipalities, errors


def _unique_slug(name, ags, taken):
    slug = german_slug(name)
    if slug in taken or Municipality.objects.filter(slug=slug).exclude(ags=ags).exists():
        slug = f"{slug}-{ags}"
    taken.add(slug)
    return slug


def save(districts, municipalities, *, dry_run=False):
    """Create or update in place; validates every record before it is saved."""
    report = ImportReport(dry_run=dry_run)
    errors = []
    with transaction.atomic():
        district_objects = {d.key: d for d in District.objects.all()}
        for key, values in sorted(districts.items()):
            district = district_objects.get(key)
            if district is None:
                district = District(key=key, **values)
                report.districts_created += 1
            elif any(getattr(district, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(district, name, value)
                report.districts_updated += 1
            else:
                continue
            try:
                district.full_clean()
            except ValidationError as error:
                errors.append(f"District {key}: {describe(error)}")
                continue
            district.save()
            district_objects[key] = district

        existing = {m.ags: m for m in Municipality.objects.select_related("district")}
        taken = {m.slug for m in existing.values()}
        for ags, values in sorted(municipalities.items()):
            district = district_objects.get(values["district_key"])
            new_values = {name: values[name] for name in MUNICIPALITY_FIELDS}
            municipality = existing.get(ags)
            if municipality is None:
                municipality = Municipality(
                    ags=ags,
                    slug=_unique_slug(values["name"], ags, taken),
                    district=district,
                    **new_values,
                )
                report.created += 1
                report.changes.append(f"+ {ags} {values['name']}")
            else:
                changed = [
                    name
                    for name, value in new_values.items()
                    if getattr(municipality, name) != value
                ]
                if municipality.district_id != getattr(district, "pk", None):
                    changed.append("district")
                if not changed:
                    report.unchanged += 1
                    continue
                for name in MUNICIPALITY_FIELDS:
                    setattr(municipality, name, new_values[name])
                municipality.district = district
                report.updated += 1
                report.changes.append(f"~ {ags} {values['name']}: {', '.join(changed)}")
            try:
                municipality.full_clean()
            except ValidationError as error:
                errors.append(f"Line {values['line']} ({ags}): {describe(error)}")
                continue
            municipality.save()
        if errors:
            raise GVImportError(errors)
        if dry_run:
            transaction.set_rollback(True)
    return report


def import_gv(source, *, dry_run=False):
    """Load, map and save a GV-ISys extract; raises GVImportError with every problem."""
    districts, municipalities, errors = map_rows(load_rows(source))
    if errors:
        raise GVImportError(errors)
    if not municipalities:
        raise GVImportError(["The file holds no municipality (Satzart 60) of NRW (Land 05)."])
    return save(districts, municipalities, dry_run=dry_run)

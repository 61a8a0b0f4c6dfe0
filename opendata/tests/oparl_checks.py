"""Two independent checks of an OParl object.

`spec_problems`: the required properties and their types as the OParl 1.1
specification states them for each object type (written down here by hand).
`schema_problems`: validation against the official JSON schema files of OParl
1.1, vendored in tests/vendor/oparl-1.1/ (see the README there).
"""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT7

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "tests" / "vendor" / "oparl-1.1"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"

URL = "url"
DATE = "date"
DATETIME = "date-time"

# Required properties per type (OParl 1.1), and the properties this portal promises.
REQUIRED = {
    "System": {"id": URL, "type": str, "oparlVersion": str, "body": URL},
    "Body": {
        "id": URL,
        "type": str,
        "name": str,
        "organization": URL,
        "person": URL,
        "meeting": URL,
        "paper": URL,
        "legislativeTerm": list,
    },
    "LegislativeTerm": {"id": URL, "type": str},
    "Organization": {"id": URL, "type": str},
    "Meeting": {"id": URL, "type": str},
    "Paper": {"id": URL, "type": str},
    "Consultation": {"id": URL, "type": str},
    "File": {"id": URL, "type": str, "accessUrl": URL},
}
# Types of the optional properties the portal uses (OParl 1.1).
OPTIONAL = {
    "created": DATETIME,
    "modified": DATETIME,
    "deleted": bool,
    "web": URL,
    "website": URL,
    "license": str,
    "name": str,
    "shortName": str,
    "body": URL,
    "system": URL,
    "ags": str,
    "classification": str,
    "organizationType": str,
    "startDate": DATE,
    "endDate": DATE,
    "date": DATE,
    "reference": str,
    "paperType": str,
    "relatedPaper": list,
    "consultation": (list, URL),
    "auxiliaryFile": list,
    "mainFile": dict,
    "membership": (list, URL),
    "organization": (list, URL),
    "meeting": (URL, list),
    "paper": (URL, list),
    "role": str,
    "authoritative": bool,
    "mimeType": str,
    "size": int,
    "downloadUrl": URL,
    "fileName": str,
    "sha512Checksum": str,
    "keyword": list,
}


def is_url(value):
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_date(value):
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


def is_datetime(value):
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None


CHECKS = {URL: is_url, DATE: is_date, DATETIME: is_datetime}


def has_type(value, expected):
    options = expected if isinstance(expected, tuple) else (expected,)
    for option in options:
        if option in CHECKS:
            if CHECKS[option](value):
                return True
        elif isinstance(value, option) and not (option is int and isinstance(value, bool)):
            return True
    return False


def type_name(obj):
    kind = obj.get("type", "")
    return kind[len(TYPE_PREFIX) :] if kind.startswith(TYPE_PREFIX) else None


def spec_problems(obj):
    name = type_name(obj)
    if name not in REQUIRED:
        return [f"unknown type {obj.get('type')!r}"]
    problems = []
    if obj.get("deleted"):
        required = {"id": URL, "type": str, "created": DATETIME, "modified": DATETIME}
    else:
        required = {**REQUIRED[name], "created": DATETIME, "modified": DATETIME}
    for key, expected in required.items():
        if key not in obj:
            problems.append(f"{name} lacks {key}")
        elif not has_type(obj[key], expected):
            problems.append(f"{name}.{key} is not {expected}: {obj[key]!r}")
    for key, value in obj.items():
        if key in OPTIONAL and key not in required and not has_type(value, OPTIONAL[key]):
            problems.append(f"{name}.{key} is not {OPTIONAL[key]}: {value!r}")
        if value is None:
            problems.append(f"{name}.{key} is null (leave it out instead)")
    if "created" in obj and "modified" in obj and obj["modified"] < obj["created"]:
        problems.append(f"{name} modified before created")
    return problems


def _registry():
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resource = DRAFT7.create_resource(schema)
        resources += [(schema["$id"], resource), (f"{schema['$id']}.json", resource)]
    # Referenced schema files that were not available in their 1.1 version (see the
    # vendor README): only what every OParl object must have.
    for name in ("File", "LegislativeTerm", "Consultation", "Location", "Person", "Membership"):
        placeholder = {"type": "object", "required": ["id", "type"]}
        resource = DRAFT7.create_resource(placeholder)
        resources.append((f"{TYPE_PREFIX}{name}.json", resource))
    return Registry().with_resources(resources)


REGISTRY = _registry()
OFFICIAL = {
    path.stem: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.json")
}
FORMATS = FormatChecker()
FORMATS.checks("url")(is_url)
FORMATS.checks("date")(is_date)
FORMATS.checks("date-time")(is_datetime)


def schema_problems(obj):
    """Problems found by the official schema of the object's type (if one is vendored)."""
    schema = OFFICIAL.get(type_name(obj))
    if schema is None:
        return []
    validator = Draft7Validator(schema, registry=REGISTRY, format_checker=FORMATS)
    return [f"{type_name(obj)}: {error.message}" for error in validator.iter_errors(obj)]


def has_official_schema(obj):
    return type_name(obj) in OFFICIAL

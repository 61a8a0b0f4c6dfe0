"""Every record the portal loads rests on a named source, or is marked as an example.

fixtures/sources.json names, per fixture file and model, the sources of its
records; a file marked demo may hold only example records.
"""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SOURCES = json.loads((FIXTURES / "sources.json").read_text(encoding="utf-8"))
DATA_FILES = sorted(
    path.relative_to(FIXTURES).as_posix()
    for path in FIXTURES.rglob("*")
    if path.is_file() and path.suffix in {".json", ".csv"} and path.name != "sources.json"
)
DJANGO_FIXTURES = [name for name in DATA_FILES if not name.startswith("gv/")]


def has_example_flag(model):
    return any(field.name == "is_example" for field in model._meta.fields)


def real_record_problems(records, sources):
    problems = []
    for number, record in enumerate(records):
        model = apps.get_model(record["model"])
        fields = record["fields"]
        if not sources.get(record["model"]):
            problems.append(f"record {number}: no source for {record['model']}")
        if fields.get("is_example"):
            problems.append(f"record {number}: an example among the real data")
        if any(field.name == "source" for field in model._meta.fields) and not (
            fields.get("source_de") or fields.get("source")
        ):
            problems.append(f"record {number}: its own source field is empty")
    return problems


def demo_record_problems(records):
    """Each record is an example, or (a session) belongs to an example of the same file."""
    problems, examples = [], set()
    for number, record in enumerate(records):
        model = apps.get_model(record["model"])
        fields = record["fields"]
        if has_example_flag(model):
            if fields.get("is_example") is not True:
                problems.append(f"record {number}: not marked as an example")
            if "vhs" in fields and fields["vhs"][0] not in examples:
                problems.append(f"record {number}: an example at a VHS that is not one")
            if record["model"] == "qualification.seminar":
                examples.add((fields["vhs"][0], fields["course_number"]))
            else:
                examples.add(fields.get("slug"))
        elif record["model"] == "qualification.seminarsession":
            if tuple(fields["seminar"][:2]) not in examples:
                problems.append(f"record {number}: a session of a seminar that is not an example")
        else:
            problems.append(f"record {number}: {record['model']} cannot be marked as an example")
    return problems


def test_every_data_file_names_its_sources():
    for name in DATA_FILES:
        assert SOURCES.get(name), f"{name} has no entry in fixtures/sources.json"
    assert set(SOURCES) - {"_about"} <= set(DATA_FILES), "sources.json names a missing file"


@pytest.mark.parametrize("name", DJANGO_FIXTURES)
def test_every_record_has_a_source_or_is_marked_as_an_example(name):
    records = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    if SOURCES[name].get("demo"):
        assert demo_record_problems(records) == []
    else:
        assert real_record_problems(records, SOURCES[name]) == []


def test_the_demo_data_lives_apart_from_the_real_data():
    demo = [name for name in DJANGO_FIXTURES if SOURCES[name].get("demo")]
    assert demo and all(name.startswith("demo/") for name in demo)


def test_a_record_without_a_source_is_caught():
    vhs = {"model": "qualification.volkshochschule", "fields": {"slug": "vhs-x"}}
    seminar = {
        "model": "qualification.seminar",
        "fields": {"vhs": ["vhs-x"], "course_number": "1", "is_example": True},
    }
    assert real_record_problems([vhs], {"qualification.module": ["seed 004"]}) == [
        "record 0: no source for qualification.volkshochschule"
    ]
    assert real_record_problems([seminar], {"qualification.seminar": ["x"]}) == [
        "record 0: an example among the real data"
    ]
    assert demo_record_problems([vhs, seminar]) == [
        "record 0: not marked as an example",
    ]

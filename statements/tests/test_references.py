"""Reference parsing: what people type is understood, everything else refused with a message."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, example, given
from hypothesis import strategies as st

from statements.references import (
    FORMAT_MESSAGE,
    MAX_NUMBER,
    MAX_TERM,
    RANGE_MESSAGE,
    Reference,
    find_reference,
    format_reference,
    parse_reference,
)

terms = st.integers(min_value=1, max_value=MAX_TERM)
numbers = st.integers(min_value=1, max_value=MAX_NUMBER)
prefixes = st.sampled_from(["", "Drs. ", "Drs.", "drs ", "Drucksache ", "DRUCKSACHE ", "Ds. "])
spaces = st.sampled_from(["", " ", "  ", "\t"])


@given(terms, numbers)
def test_formatting_and_parsing_round_trip(term, number):
    text = format_reference(term, number)
    assert parse_reference(text) == Reference(term, number)
    assert str(parse_reference(text)) == text


@given(terms, numbers, prefixes, spaces, spaces, spaces)
def test_what_people_type_is_understood(term, number, prefix, before, around, after):
    text = f"{before}{prefix}{term}{around}/{around}{number}{after}"
    assert parse_reference(text) == Reference(term, number)


@pytest.mark.parametrize(
    "text", ["17/1356", "Drs. 17/1356", "17 / 1356", "Drucksache 17/1356", " drs 17/1356 "]
)
def test_the_usual_spellings(text):
    reference = parse_reference(text)
    assert (reference.term, reference.number) == (17, 1356)
    assert reference.archive_url == (
        "https://www.landtag.nrw.de/portal/WWW/dokumentenarchiv/Dokument/MMD17-1356.pdf"
    )


@given(st.text(max_size=40))
@example("0/0")  # looks like a reference, but no such term or number exists
@example("17/1356x")
def test_garbage_is_refused_with_a_message(text):
    assume(find_reference(text) is None)
    with pytest.raises(ValidationError) as error:
        parse_reference(text)
    # One of the two explanations, in the reader's language: how to write a
    # reference (with the example 17/1356), or which terms and numbers exist.
    explanations = {
        str(FORMAT_MESSAGE),
        str(RANGE_MESSAGE) % {"max_term": MAX_TERM, "max_number": MAX_NUMBER},
    }
    assert len(error.value.messages) == 1
    assert error.value.messages[0] in explanations


@given(st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=30))
def test_text_without_digits_is_never_a_reference(text):
    with pytest.raises(ValidationError) as error:
        parse_reference(text)
    assert error.value.code == "format"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "17",
        "17/",
        "/1356",
        "17-1356",
        "17//1356",
        "1 7/1356",
        "17/13 56",
        "Drs 17/1356/2",
        "17/1356; DROP TABLE statements_paper",
        "'17/1356'",
        "١٧/١٣٥٦",
        "17/1356 extra",
        None,
        17,
    ],
)
def test_malformed_references_are_refused(text):
    with pytest.raises(ValidationError) as error:
        parse_reference(text)
    assert error.value.code == "format"


@pytest.mark.parametrize("text", ["0/1356", "17/0", "100/1", "17/1000000", "17/123456"])
def test_references_out_of_range_are_refused(text):
    with pytest.raises(ValidationError):
        parse_reference(text)

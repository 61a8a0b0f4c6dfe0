"""References to Landtag papers (Drucksachen): "17/1356" is term 17, number 1356.

People type references in many ways ("Drs. 17/1356", "17 / 1356",
"Drucksache 17/1356"); `parse_reference` accepts those and refuses anything
else with a message that says what a reference looks like.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_TERM = 99
MAX_NUMBER = 99999
ARCHIVE_URL = (
    "https://www.landtag.nrw.de/portal/WWW/dokumentenarchiv/Dokument/MMD{term}-{number}.pdf"
)

# An optional prefix (Drucksache, Drs., Ds.), then term / number.
REFERENCE_RE = re.compile(
    r"""^\s*
    (?:(?:drucksache|drs|ds)\.?\s*(?:nr\.?\s*)?)?
    (?P<term>\d{1,3})\s*/\s*(?P<number>\d{1,6})
    \s*$""",
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)

FORMAT_MESSAGE = _(
    "Enter a Landtag paper as term and number separated by a slash, for example 17/1356 "
    "(“Drs. 17/1356” and “Drucksache 17/1356” are understood too)."
)
RANGE_MESSAGE = _(
    "A Landtag paper has a term from 1 to %(max_term)d and a number from 1 to %(max_number)d."
)


@dataclass(frozen=True, order=True)
class Reference:
    term: int
    number: int

    def __str__(self):
        return format_reference(self.term, self.number)

    @property
    def slug(self):
        return f"{self.term}-{self.number}"

    @property
    def archive_url(self):
        return ARCHIVE_URL.format(term=self.term, number=self.number)


def format_reference(term, number):
    return f"{term}/{number}"


def is_valid(term, number):
    return 1 <= term <= MAX_TERM and 1 <= number <= MAX_NUMBER


def parse_reference(text):
    """The Reference in `text`, or ValidationError with a message for the user."""
    match = REFERENCE_RE.match(text or "") if isinstance(text, str) else None
    if not match:
        raise ValidationError(FORMAT_MESSAGE, code="format")
    term, number = int(match["term"]), int(match["number"])
    if not is_valid(term, number):
        raise ValidationError(
            RANGE_MESSAGE,
            code="range",
            params={"max_term": MAX_TERM, "max_number": MAX_NUMBER},
        )
    return Reference(term, number)


def find_reference(text):
    """The Reference if `text` is nothing but a reference, else None."""
    try:
        return parse_reference(text)
    except ValidationError:
        return None

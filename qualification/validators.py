"""Checks of what registrants type: names without hidden characters, reachable addresses.

Their text goes into mails and onto the participant lists of the
Volkshochschulen, so it must read as what it is: no control characters, no
characters that reorder the text around them (bidirectional overrides and
isolates), and e-mail addresses on a public domain.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Marks and overrides that change the direction of the text around them.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Names of a network or of a test, never of a public mail domain (RFC 2606, 6761, 6762).
PRIVATE_SUFFIXES = (
    "localhost",
    "local",
    "localdomain",
    "test",
    "example",
    "invalid",
    "internal",
    "intranet",
    "lan",
    "home",
    "corp",
    "arpa",
    "onion",
)


def hidden_characters(text, allow_newlines=False):
    """The characters in text that a reader would not see or that reorder it."""
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return [
        char
        for char in text
        if char not in allowed
        and (
            char in BIDI_CONTROLS
            or unicodedata.category(char) in {"Cc", "Zl", "Zp"}
            or char in "\ufeff\u2028\u2029"
        )
    ]


def validate_visible_text(text, allow_newlines=False):
    if hidden_characters(text, allow_newlines):
        raise ValidationError(
            _(
                "Please use only visible characters here: no control characters and no "
                "characters that change the direction of the text."
            ),
            code="hidden_characters",
        )


def validate_public_email_domain(address):
    """Refuse addresses whose domain is no public name (localhost, IP literals, test names)."""
    domain = address.rpartition("@")[2].strip().lower().rstrip(".")
    labels = domain.split(".")
    top = labels[-1] if labels else ""
    if (
        domain.startswith("[")
        or len(labels) < 2
        or not (top.isalpha() or top.startswith("xn--"))
        or top in PRIVATE_SUFFIXES
    ):
        raise ValidationError(
            _("Please enter an e-mail address on a public domain, for example name@example.org."),
            code="private_domain",
        )

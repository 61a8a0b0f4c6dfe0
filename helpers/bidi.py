"""Right-to-left text that keeps its left-to-right runs in order.

In an Arabic sentence, a German name, an abbreviation such as "GO NRW", a
quotation „…“ or a file suffix such as ".ics" is a left-to-right run; without
isolation the bidirectional algorithm moves its punctuation to the wrong end.
`isolate_runs` wraps each such run in the Unicode isolates LRI … PDI, and each
placeholder (whose value may be a name, a date or a number) in FSI … PDI, so
that they keep their own order wherever the text is shown (HTML, e-mails,
titles). `make translations` applies it to the Arabic catalogues.
"""

import re

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"

# Pieces left as they are: isolated runs, elements that already set their
# language or direction (<bdi>, lang="de", dir), HTML tags, entities and placeholders.
_ISOLATED = rf"[\u2066\u2067\u2068][^{PDI}]*{PDI}"
_MARKED_ELEMENT = r"<(?P<tag>bdi|\w+(?=[^>]*\b(?:lang=\"de\"|dir=)))[^>]*>.*?</(?P=tag)>"
_PLACEHOLDER = r"%\(\w+\)[sd]|%[sd]|\{\w+\}"
_SKIP = re.compile(
    rf"(?P<keep>{_ISOLATED}|{_MARKED_ELEMENT}|<[^>]*>|&\w+;)|(?P<placeholder>{_PLACEHOLDER})",
    re.DOTALL,
)

_LATIN = "A-Za-zÀ-ÖØ-öø-ÿß"
# A run starts with an opening quotation mark, a letter, a digit or "§" (or a
# full stop directly before a letter, as in ".ics") and ends with a letter, a
# digit or a closing quotation mark; it must contain a Latin letter, so that
# numbers alone (which read correctly) are left alone.
_RUN = re.compile(
    rf"[„“\"]?(?:\.(?=[{_LATIN}]))?[{_LATIN}0-9§]"
    rf"(?:[{_LATIN}0-9§ .\-/&:'’+]*[{_LATIN}0-9])?[“”\"]?"
)
_HAS_LATIN = re.compile(rf"[{_LATIN}]")


def _isolate_text(text):
    def wrap(match):
        run = match.group()
        return f"{LRI}{run}{PDI}" if _HAS_LATIN.search(run) else run

    return _RUN.sub(wrap, text)


def isolate_runs(text):
    """Wrap the left-to-right runs and the placeholders of an RTL text in isolates.

    Idempotent: text that is already isolated is left alone.
    """
    pieces, position = [], 0
    for match in _SKIP.finditer(text):
        pieces.append(_isolate_text(text[position : match.start()]))
        if match.group("placeholder"):
            pieces.append(f"{FSI}{match.group()}{PDI}")
        else:
            pieces.append(match.group())
        position = match.end()
    pieces.append(_isolate_text(text[position:]))
    return "".join(pieces)


def strip_isolates(text):
    """The text without any Unicode isolates (to isolate it again from scratch)."""
    return text.translate({ord(char): None for char in "\u2066\u2067\u2068\u2069"})

"""The plain-text format of the legal pages, turned into safe HTML.

Blank lines separate blocks; a block starting with "## " is a heading, a block
of lines starting with "- " a list, anything else a paragraph (single line
breaks kept). E-mail addresses and web addresses become links. In a
right-to-left text, runs in Latin script or digits (German names, addresses,
phone numbers, references) are isolated so that the bidirectional algorithm
does not reorder them.
"""

import re

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
URL = r"(?:https?://|www\.)[^\s<>“”\"]*[^\s<>“”\".,;:!?)]"
LINK = re.compile(rf"(?P<email>{EMAIL})|(?P<url>{URL})")

LATIN = "A-Za-zÀ-ÖØ-öø-ÿß"
# A run that must read left to right inside Arabic: it starts and ends with a
# Latin letter, a digit, a quotation mark or a bracket; an abbreviation such
# as "e.V." keeps its final full stop, a sentence's full stop stays outside.
LTR_RUN = re.compile(
    rf"[{LATIN}0-9+„§][{LATIN}0-9 .,:/§&'„“\-–+]*"
    rf"(?:[a-z]\.[A-Z]\.|[{LATIN}0-9“])(?![{LATIN}0-9])"
)
# Only runs with a Latin letter, or numbers in several parts (a phone number,
# a postcode with its town), need isolating: a number alone reads correctly.
NEEDS_ISOLATION = re.compile(rf"[{LATIN}]|[0-9][ /.:–-]+[0-9+]")


def _isolate(text):
    pieces, position = [], 0
    for match in LTR_RUN.finditer(text):
        if not NEEDS_ISOLATION.search(match.group()):
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html('<bdi dir="ltr">{}</bdi>', match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def render_inline(text, rtl=False):
    pieces, position = [], 0
    plain = _isolate if rtl else escape
    for match in LINK.finditer(text):
        pieces.append(plain(text[position : match.start()]))
        value = match.group()
        if match.group("email"):
            href = f"mailto:{value}"
        else:
            href = value if value.startswith("http") else f"https://{value}"
        pieces.append(format_html('<a href="{}" dir="ltr">{}</a>', href, value))
        position = match.end()
    pieces.append(plain(text[position:]))
    # Every piece was escaped by plain() or format_html() above.
    return mark_safe("".join(str(piece) for piece in pieces))  # nosec B308 B703


def render_body(text, placeholders=None, rtl=False):
    for key, value in (placeholders or {}).items():
        text = text.replace("{" + key + "}", value)
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        # Within a block, a heading line, a run of list items and a run of
        # other lines (a paragraph) follow each other.
        groups = []
        for line in lines:
            kind = "h2" if line.startswith("## ") else "li" if line.startswith("- ") else "p"
            if groups and groups[-1][0] == kind and kind != "h2":
                groups[-1][1].append(line)
            else:
                groups.append((kind, [line]))
        for kind, group in groups:
            if kind == "h2":
                html.append(format_html("<h2>{}</h2>", render_inline(group[0][3:], rtl)))
            elif kind == "li":
                items = format_html_join(
                    "", "<li>{}</li>", ((render_inline(line[2:], rtl),) for line in group)
                )
                html.append(format_html("<ul>{}</ul>", items))
            else:
                # render_inline() escapes each line; only the <br> joining them is markup.
                lines = (str(render_inline(line, rtl)) for line in group)
                inner = mark_safe("<br>".join(lines))  # nosec B308 B703
                html.append(format_html("<p>{}</p>", inner))
    # Each part was built with format_html() from escaped pieces.
    return mark_safe("\n".join(str(part) for part in html))  # nosec B308 B703

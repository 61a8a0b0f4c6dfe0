"""The formatted text of a statement: Markdown or HTML in, sanitised HTML out.

The office types plain text: blank lines separate paragraphs, lines starting
with "-" or "1." make lists, **bold**, *italic*, ## headings and [links](…).
Bodies written in HTML (they start with a tag) keep working unchanged. Either
way nh3 removes everything outside the formatting below.
"""

import re

import markdown
import nh3
from django.utils.html import strip_tags

# The formatting a statement's body may use; everything else is removed.
BODY_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "sub",
    "sup",
}
BODY_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "q": {"cite"}}


def sanitize_body(html):
    return nh3.clean(
        html or "",
        tags=BODY_TAGS,
        attributes=BODY_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


_STARTS_WITH_TAG = re.compile(r"\s*<[a-zA-Z]")


def is_html(text):
    return bool(_STARTS_WITH_TAG.match(text or ""))


def render_body(text):
    """The body as safe HTML: Markdown (or HTML as it is), then sanitised."""
    text = text or ""
    html = text if is_html(text) else markdown.markdown(text, extensions=["sane_lists"])
    return sanitize_body(html)


def body_plain_text(text):
    """The words of the body without markup, for search."""
    return strip_tags(render_body(text))

"""The formatted text of a statement: which HTML it may use, and its sanitising."""

import nh3

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

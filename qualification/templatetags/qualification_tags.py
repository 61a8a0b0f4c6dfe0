import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: nothing in the data can end the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """A JSON-LD data block (type application/ld+json: data, never executed)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    # <, > and & are escaped above, so the JSON cannot end the element (as json_script).
    safe = mark_safe(text)  # noqa: S308  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', safe)

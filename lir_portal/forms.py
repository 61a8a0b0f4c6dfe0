from django import forms
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        help_text=_("Words, or a Landtag paper such as 17/1356."),
        error_messages={
            "required": _("Enter what you are looking for."),
            "max_length": _(
                "Please enter at most %(limit_value)d characters (you entered %(show_value)d)."
            ),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

"""The label of a stored choice, quickly.

Django's generated get_FOO_display() builds a dictionary of all the field's
choices on every call (about 65 µs here); a list page calls it once per row.
A model overrides it with `choice_label`, which looks the value up in the
choices enum and translates it (about 5 µs); like Django, it returns a value
that is not among the choices as it is.
"""


def choice_label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value

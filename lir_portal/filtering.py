"""What every filtered list page tells its visitor about the filters."""


def filter_state(filterset):
    """The filter values that were ignored (invalid) and whether any filter applies.

    Invalid values are left out of the query by django-filter; the page says so
    with the notice in templates/includes/filter_notice.html.
    """
    if not filterset.is_bound:
        return {"ignored_filters": {}, "is_filtered": False}
    return {
        "ignored_filters": filterset.form.errors,
        "is_filtered": any(filterset.data.get(name) for name in filterset.filters),
    }

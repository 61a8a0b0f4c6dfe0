"""One idiom for every list page: queryset, FilterSet, `list_page`, one filter form.

A view builds its queryset, hands it with its FilterSet class to `list_page`
and renders the context with `includes/filter_form.html`. The filter state
lives in the query string; values that are not understood are ignored and the
page says so (`includes/filter_notice.html`).
"""

from itertools import groupby

from django.core.paginator import Paginator
from django.utils.translation import ngettext

from .text import index_letter


def filter_state(filterset):
    """The filter values that were ignored (invalid) and whether any filter applies."""
    return {
        "ignored_filters": filterset.form.errors,
        "is_filtered": any(filterset.data.get(name) for name in filterset.filters),
    }


def paginate(request, items, per_page):
    """(page, error): the requested page, or the last page and a message if there is none."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page") or "1"
    try:
        number = int(raw)
    except ValueError:
        number = None
    if number is None or number < 1 or number > paginator.num_pages:
        return paginator.page(paginator.num_pages), ngettext(
            "There is no page “%(page)s” of this list; it has %(count)d page.",
            "There is no page “%(page)s” of this list; it has %(count)d pages.",
            paginator.num_pages,
        ) % {"page": raw[:20], "count": paginator.num_pages}
    return paginator.page(number), ""


def list_page(request, filterset_class, queryset, per_page=None):
    """The context of a filtered list page.

    `filter` (the FilterSet, always bound to the query string), `ignored_filters`,
    `is_filtered`, `results` and `result_count`; with `per_page` also `page_obj`
    and `page_error` (a message when the requested page does not exist; the
    view answers 404 then, see `status`).
    """
    filterset = filterset_class(request.GET, queryset=queryset)
    context = {"filter": filterset, **filter_state(filterset)}
    if per_page is None:
        results = list(filterset.qs)
        context.update(results=results, result_count=len(results), page_error="", status=200)
    else:
        context.update(paged_list(request, filterset.qs, per_page))
    return context


def paged_list(request, items, per_page):
    """The context of one page of a list: `page_obj`, `page_error`, `results`,
    `result_count`, and `status` (404 with `page_error` when there is no such page)."""
    page, error = paginate(request, items, per_page)
    return {
        "page_obj": page,
        "page_error": error,
        "results": [] if error else list(page.object_list),
        "result_count": page.paginator.count,
        "status": 404 if error else 200,
    }


def group_by_letter(items, name):
    """[(letter, [items])] in the order given; umlauts are filed under their base letter."""
    return [
        (letter, list(group))
        for letter, group in groupby(items, key=lambda item: index_letter(name(item)))
    ]

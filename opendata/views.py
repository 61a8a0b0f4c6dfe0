"""The OParl interface (JSON, outside the language prefixes) and the open data page."""

import functools
import json
import math
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_safe

from . import datasets, oparl

FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


class BadRequest(Exception):
    pass


def json_response(data, status=200):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=None),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status, message):
    return json_response({"error": {"status": status, "message": message}}, status=status)


def oparl_view(view):
    """GET and HEAD only; errors as JSON (404 unknown id, 400 bad filter), never a 5xx page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error(405, "Only GET and HEAD are allowed.")
            response["Allow"] = "GET, HEAD"
            return response
        # No id holds a NUL character (PostgreSQL refuses it in a query).
        if any("\x00" in str(value) for value in kwargs.values()):
            return error(404, "There is no object with this id.")
        try:
            return json_response(view(request, *args, **kwargs))
        except oparl.NotFound:
            return error(404, "There is no object with this id.")
        except BadRequest as problem:
            return error(400, str(problem))

    return wrapper


def parse_time(name, value):
    # A "+" of a time zone arrives as a space when the client did not encode it.
    text = value.strip().replace(" ", "+")
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest(
            f"{name} must be a date and time in ISO 8601, e.g. 2026-01-31T12:00:00+01:00."
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def positive_int(name, value, maximum=None):
    if not value.isdigit() or int(value) < 1:
        raise BadRequest(f"{name} must be a whole number of at least 1.")
    number = int(value)
    if maximum and number > maximum:
        raise BadRequest(f"{name} may be at most {maximum}.")
    return number


def paginate(request, items):
    """One page of a filtered list, in the form OParl 1.1 gives lists."""
    params = request.GET
    bounds = {name: parse_time(name, params[name]) for name in FILTERS if params.get(name)}
    limit = settings.OPARL_PAGE_SIZE
    if "limit" in params:
        limit = positive_int("limit", params["limit"], settings.OPARL_MAX_PAGE_SIZE)
    page = positive_int("page", params["page"]) if "page" in params else 1

    def keep(item):
        return (
            ("created_since" not in bounds or item.created >= bounds["created_since"])
            and ("created_until" not in bounds or item.created <= bounds["created_until"])
            and ("modified_since" not in bounds or item.modified >= bounds["modified_since"])
            and ("modified_until" not in bounds or item.modified <= bounds["modified_until"])
        )

    selected = [item for item in items if keep(item)]
    total_pages = max(1, math.ceil(len(selected) / limit))
    if page > total_pages:
        raise oparl.NotFound
    start = (page - 1) * limit
    query = {name: params[name] for name in FILTERS if params.get(name)}
    if "limit" in params:
        query["limit"] = limit
    base = settings.SITE_URL + request.path

    def link(number):
        return f"{base}?{urlencode({**query, 'page': number})}"

    links = {"first": link(1), "last": link(total_pages)}
    if page > 1:
        links["prev"] = link(page - 1)
    if page < total_pages:
        links["next"] = link(page + 1)
    shown = selected[start : start + limit]
    oparl.prepare(shown)
    return {
        "data": [item.render() for item in shown],
        "pagination": {
            "totalElements": len(selected),
            "elementsPerPage": limit,
            "currentPage": page,
            "totalPages": total_pages,
        },
        "links": links,
    }


@oparl_view
def system(request):
    return oparl.system()


@oparl_view
def body_list(request):
    return paginate(request, oparl.body_items())


@oparl_view
def body(request, key):
    return oparl.body(key)


@oparl_view
def body_object_list(request, key, name):
    return paginate(request, oparl.body_list(key, name))


@oparl_view
def oparl_object(request, kind, key):
    return oparl.get_object(kind, key)


@oparl_view
def unknown(request, rest=""):
    raise oparl.NotFound


# --- The open data page and its files -----------------------------------------------


@require_safe
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets.DATASETS,
            "license_name": settings.OPEN_DATA_LICENSE_NAME,
            "license_url": settings.OPEN_DATA_LICENSE_URL,
            "oparl_url": oparl.api_url(),
        },
    )


@require_safe
def download(request, name, extension):
    dataset = datasets.by_name(name)
    if dataset is None or extension not in ("csv", "json"):
        return HttpResponse("Not found", status=404, content_type="text/plain; charset=utf-8")
    if extension == "csv":
        response = HttpResponse(datasets.as_csv(dataset), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            datasets.as_json(dataset), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{dataset.name}.{extension}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def datapackage(request):
    response = HttpResponse(
        json.dumps(datasets.datapackage(), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

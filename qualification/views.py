"""Public pages of the qualification series: overview, finder, seminar, registration."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from helpers.lists import list_page

from . import ical, services
from .filters import SeminarFilter
from .forms import RegistrationForm
from .models import Contact, Module, RegistrationStatus, Seminar, Volkshochschule
from .ratelimit import too_many_posts

UPCOMING_ON_OVERVIEW = 5
CALENDAR_PAST_DAYS = 90


# --- Overview and finder ------------------------------------------------------------


@require_safe
def overview(request):
    seminars = Seminar.objects.public().for_listing().upcoming()
    return render(
        request,
        "qualification/overview.html",
        {
            "modules": Module.objects.select_related("builds_on"),
            "contacts": Contact.objects.all(),
            "next_seminars": list(seminars[:UPCOMING_ON_OVERVIEW]),
            "upcoming_count": seminars.count(),
        },
    )


@require_safe
def seminar_list(request):
    context = list_page(request, SeminarFilter, Seminar.objects.public().for_listing())
    context["near"] = context["filter"].near_municipality
    return render(request, "qualification/seminar_list.html", context)


@require_safe
def vhs_detail(request, slug):
    vhs = get_object_or_404(Volkshochschule.objects.with_municipality(), slug=slug)
    seminars = list(Seminar.objects.public().for_listing().upcoming().filter(vhs=vhs))
    return render(request, "qualification/vhs_detail.html", {"vhs": vhs, "seminars": seminars})


# --- Seminar page and registration ------------------------------------------------------


def rate_limited(request):
    return render(
        request,
        "qualification/message.html",
        {
            "title": _("Too many requests"),
            "message": _(
                "We received too many forms from your connection in a short time. Please "
                "wait a few minutes and try again. Nothing you sent before is lost."
            ),
        },
        status=429,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def seminar_detail(request, pk):
    seminar = get_object_or_404(Seminar.objects.public().for_listing(), pk=pk)
    problem = seminar.registration_problem()
    form = None
    error = None
    status = 200
    if problem is None:
        if request.method == "POST":
            if too_many_posts(request):
                return rate_limited(request)
            form = RegistrationForm(request.POST, seminar=seminar)
            if form.is_valid():
                registration = form.save(commit=False)
                registration.language = get_language()
                try:
                    services.register(registration)
                except services.RegistrationError as failure:
                    error = failure.message
                    status = 409
                else:
                    return redirect("qualification:registration_received", pk=seminar.pk)
            else:
                status = 400
        else:
            form = RegistrationForm(seminar=seminar)
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "qualification/seminar_detail.html",
        {
            "seminar": seminar,
            "sessions": list(seminar.sessions.all()),
            "problem": problem,
            "form": form,
            "error": error,
            "jsonld": seminar.as_schema_org(request.build_absolute_uri(seminar.get_absolute_url())),
        },
        status=status,
    )


@require_safe
def registration_received(request, pk):
    seminar = get_object_or_404(Seminar.objects.public().for_listing(), pk=pk)
    return render(
        request,
        "qualification/registration_received.html",
        {"seminar": seminar, "hours": settings.QUALIFICATION_CONFIRMATION_HOURS},
    )


def _invalid_link(request, failure, status=404):
    return render(
        request,
        "qualification/message.html",
        {"title": _("This link does not work"), "message": failure.message, "noindex": True},
        status=status,
    )


def _registration_page(request, registration, notice="", status=200):
    response = render(
        request,
        "qualification/registration.html",
        {
            "registration": registration,
            "seminar": registration.seminar,
            "position": registration.waiting_position(),
            "expired": registration.status == RegistrationStatus.PENDING
            and registration.confirmation_expired(),
            "notice": notice,
            "noindex": True,
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def registration(request, token):
    """The registrant's own page behind the link from the e-mail: confirm or cancel."""
    try:
        found = services.find_registration(token)
    except services.InvalidLink as failure:
        return _invalid_link(request, failure)
    return _registration_page(request, found)


@require_POST
def registration_confirm(request, token):
    if too_many_posts(request):
        return rate_limited(request)
    try:
        confirmed = services.confirm(token)
    except services.InvalidLink as failure:
        return _invalid_link(
            request, failure, status=410 if isinstance(failure, services.ExpiredLink) else 404
        )
    except services.RegistrationError as failure:
        return _registration_page(request, failure.registration, failure.message, status=409)
    return _registration_page(request, confirmed)


@require_POST
def registration_cancel(request, token):
    if too_many_posts(request):
        return rate_limited(request)
    try:
        cancelled, _moved = services.cancel(token)
    except services.InvalidLink as failure:
        return _invalid_link(request, failure)
    except services.RegistrationError as failure:
        return _registration_page(request, failure.registration, failure.message, status=409)
    return _registration_page(request, cancelled)


# --- Calendars and structured data --------------------------------------------------------


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def seminar_ics(request, pk):
    seminar = get_object_or_404(Seminar.objects.public().for_listing(), pk=pk)
    name = f"{seminar.module.title} – {seminar.vhs.name}"
    return _ics_response(ical.build_calendar([seminar], name), f"seminar-{seminar.pk}.ics")


def _feed_seminars():
    since = timezone.localdate() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    return Seminar.objects.public().for_listing().filter(ends_on__gte=since)


@require_safe
def calendar_feed(request):
    content = ical.build_calendar(_feed_seminars(), _("Qualification seminars"))
    return _ics_response(content, "qualifizierung.ics")


@require_safe
def vhs_calendar_feed(request, slug):
    vhs = get_object_or_404(Volkshochschule, slug=slug)
    content = ical.build_calendar(_feed_seminars().filter(vhs=vhs), vhs.name)
    return _ics_response(content, f"{vhs.slug}.ics")

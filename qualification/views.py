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
from .ratelimit import too_many_link_posts, too_many_posts

UPCOMING_ON_OVERVIEW = 5
# The finder shows this many seminars per page (nearest or soonest first).
SEMINARS_PAGE_SIZE = 20
# The session remembers the address of the last registration for the "received" page.
RECEIVED_SESSION_KEY = "qualification_registered"
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
    context = list_page(
        request, SeminarFilter, Seminar.objects.public().for_listing(), SEMINARS_PAGE_SIZE
    )
    finder = context["filter"]
    context["near"] = finder.near_municipality
    context["more_filters_used"] = any(
        finder.data.get(name) for name in finder.filters if name not in finder.main_filters
    )
    return render(request, "qualification/seminar_list.html", context, status=context["status"])


@require_safe
def vhs_detail(request, slug):
    vhs = get_object_or_404(Volkshochschule.objects.with_municipality(), slug=slug)
    seminars = list(Seminar.objects.public().for_listing().upcoming().filter(vhs=vhs))
    return render(
        request,
        "qualification/vhs_detail.html",
        {"vhs": vhs, "seminars": seminars, "noindex": vhs.is_example},
    )


# --- Seminar page and registration ------------------------------------------------------


def rate_limited(request):
    return render(
        request,
        "qualification/message.html",
        {"title": _("Too many requests"), "message": rate_limit_message()},
        status=429,
    )


def rate_limit_message():
    return _(
        "We received too many forms from your connection in a short time. Please "
        "wait a few minutes and try again. Nothing you sent before is lost."
    )


def see_other(to, *args, **kwargs):
    """The redirect after a POST (303), so that reloading the result sends nothing again."""
    response = redirect(to, *args, **kwargs)
    response.status_code = 303
    return response


def _initial_municipality(request, form):
    """The municipality chosen in the finder ("near me"), if it can be chosen here."""
    slug = request.GET.get("near", "")
    if slug and form.fields["municipality"].queryset.filter(slug=slug).exists():
        return slug
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def seminar_detail(request, pk):
    seminar = get_object_or_404(Seminar.objects.public().for_listing(), pk=pk)
    problem = seminar.registration_problem()
    form = error = None
    status = 200
    if problem is None:
        if request.method == "POST" and too_many_posts(request):
            # Shown above the form, which keeps everything typed (not validated yet).
            form = RegistrationForm(initial=request.POST.dict(), seminar=seminar)
            error = rate_limit_message()
            status = 429
        elif request.method == "POST":
            form = RegistrationForm(request.POST, seminar=seminar)
            if form.is_valid():
                registration = form.save(commit=False)
                registration.language = get_language()
                try:
                    services.register(registration)
                except services.RegistrationError as failure:
                    # Shown in the form's error summary, like every other error.
                    form.add_error(None, failure.message)
                    status = 409
                else:
                    request.session[RECEIVED_SESSION_KEY] = {
                        "seminar": seminar.pk,
                        "email": registration.email,
                    }
                    return redirect("qualification:registration_received", pk=seminar.pk)
            else:
                status = 400
        else:
            form = RegistrationForm(seminar=seminar)
            form.initial["municipality"] = _initial_municipality(request, form)
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
            # Examples of the demo data stay out of search engines.
            "jsonld": None
            if seminar.is_example
            else seminar.as_schema_org(request.build_absolute_uri(seminar.get_absolute_url())),
            "noindex": seminar.is_example,
        },
        status=status,
    )


@require_safe
def registration_received(request, pk):
    seminar = get_object_or_404(Seminar.objects.public().for_listing(), pk=pk)
    received = request.session.get(RECEIVED_SESSION_KEY) or {}
    vhs = seminar.vhs
    return render(
        request,
        "qualification/registration_received.html",
        {
            "seminar": seminar,
            "hours": settings.QUALIFICATION_CONFIRMATION_HOURS,
            "email": received.get("email") if received.get("seminar") == seminar.pk else None,
            # Without a way to reach the VHS, the organisers of the series help.
            "contacts": [] if (vhs.email or vhs.phone) else list(Contact.objects.all()),
            "noindex": True,
        },
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
    if too_many_link_posts(token):
        return rate_limited(request)
    try:
        services.confirm(token)
    except services.InvalidLink as failure:
        return _invalid_link(
            request, failure, status=410 if isinstance(failure, services.ExpiredLink) else 404
        )
    except services.RegistrationError as failure:
        return _registration_page(request, failure.registration, failure.message, status=409)
    return see_other("qualification:registration", token=token)


@require_http_methods(["GET", "POST"])
def registration_cancel(request, token):
    """GET asks first (what happens to the seats); POST cancels."""
    if request.method == "GET":
        try:
            found = services.find_registration(token)
        except services.InvalidLink as failure:
            return _invalid_link(request, failure)
        if found.status not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED):
            return redirect("qualification:registration", token=token)
        response = render(
            request,
            "qualification/registration_cancel.html",
            {"registration": found, "seminar": found.seminar, "noindex": True},
        )
        response["Cache-Control"] = "no-store"
        return response
    if too_many_link_posts(token):
        return rate_limited(request)
    try:
        services.cancel(token)
    except services.InvalidLink as failure:
        return _invalid_link(request, failure)
    except services.RegistrationError as failure:
        return _registration_page(request, failure.registration, failure.message, status=409)
    return see_other("qualification:registration", token=token)


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
    return Seminar.objects.public().real().for_listing().filter(ends_on__gte=since)


@require_safe
def calendar_feed(request):
    content = ical.build_calendar(_feed_seminars(), _("Qualification seminars"))
    return _ics_response(content, "qualifizierung.ics")


@require_safe
def vhs_calendar_feed(request, slug):
    vhs = get_object_or_404(Volkshochschule, slug=slug)
    content = ical.build_calendar(_feed_seminars().filter(vhs=vhs), vhs.name)
    return _ics_response(content, f"{vhs.slug}.ics")

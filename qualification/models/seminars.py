"""Seminars of the qualification series and their sessions.

Seats are never stored: a seminar's free seats follow from its capacity and the
participants of its confirmed registrations. A seminar's first and last day
are stored with it (starts_on, ends_on), so lists can filter and sort by them
without reading the sessions; they follow the sessions on every save and
delete of a session or seminar, and `refresh_dates` catches up after bulk
writes. The registration workflow (seats, waiting list, mails) lives in
services.py.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, IntegerField, Max, Min, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpers.choices import choice_label
from helpers.collation import german
from helpers.history import TranslatedHistoricalRecords as HistoricalRecords
from helpers.urls import reverse_plain
from municipalities.models import distance_from

from .catalogue import Module, Volkshochschule
from .choices import RegistrationStatus, SeminarFormat, SeminarStatus
from .registrations import Registration

MAX_CAPACITY = 500


# --- Seminars -------------------------------------------------------------------


ATTENDANCE_MODE = {
    SeminarFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    SeminarFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    SeminarFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


class SeminarQuerySet(models.QuerySet):
    def with_seats(self):
        """The seats taken, as an annotation (seats_taken)."""
        taken = (
            Registration.objects.filter(seminar=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
            .order_by()
            .values("seminar")
            .annotate(total=Sum("participants"))
            .values("total")
        )
        return self.annotate(seats_taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0))

    def refresh_dates(self):
        """Store each seminar's first and last session date again (after bulk writes)."""
        sessions = (
            SeminarSession.objects.filter(seminar=OuterRef("pk")).order_by().values("seminar")
        )
        return self.update(
            starts_on=Subquery(sessions.annotate(first=Min("date")).values("first")),
            ends_on=Subquery(sessions.annotate(last=Max("date")).values("last")),
        )

    def for_listing(self):
        """Everything a list of seminars shows, in a fixed number of queries."""
        return (
            self.with_seats()
            .select_related("module", "vhs__municipality__district")
            .prefetch_related(
                Prefetch("sessions", queryset=SeminarSession.objects.order_by("date", "start_time"))
            )
            .order_by("starts_on", german("vhs__name"), "pk")
        )

    def upcoming(self, today=None):
        """Seminars whose last session is today or later."""
        return self.filter(ends_on__gte=today or timezone.localdate())

    def public(self):
        """Seminars shown on public pages (all but those without any session)."""
        return self.filter(starts_on__isnull=False)

    def real(self):
        """Without the examples of the demo data (for sitemaps, calendars and feeds)."""
        return self.filter(is_example=False)

    def with_free_seats(self):
        """Seminars one can still get a seat in (needs with_seats)."""
        return self.filter(seats_taken__lt=F("capacity")).exclude(
            status__in=[SeminarStatus.FULL, SeminarStatus.CANCELLED]
        )

    def nearest_to(self, municipality):
        """Nearest first, with `distance` in km from the municipality to the VHS.

        A VHS without coordinates of its own is placed at its municipality.
        """
        distance = distance_from(
            municipality,
            Coalesce("vhs__latitude", "vhs__municipality__latitude"),
            Coalesce("vhs__longitude", "vhs__municipality__longitude"),
        )
        return self.annotate(distance=distance).order_by("distance", "starts_on", "pk")


class SeminarManager(models.Manager.from_queryset(SeminarQuerySet)):
    def get_by_natural_key(self, vhs_slug, course_number):
        return self.get(vhs__slug=vhs_slug, course_number=course_number)


class Seminar(models.Model):
    """One run of a module at a Volkshochschule, with one or more sessions."""

    module = models.ForeignKey(
        Module, on_delete=models.PROTECT, related_name="seminars", verbose_name=_("module")
    )
    vhs = models.ForeignKey(
        Volkshochschule,
        on_delete=models.PROTECT,
        related_name="seminars",
        verbose_name=_("Volkshochschule"),
    )
    course_number = models.CharField(
        _("course number"),
        max_length=40,
        blank=True,
        help_text=_("The Volkshochschule's own number for this course."),
    )
    venue = models.TextField(
        _("venue"),
        blank=True,
        help_text=_("Building, room and address; for online seminars how to join."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=SeminarFormat.choices, default=SeminarFormat.IN_PERSON
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Number of seats."),
    )
    registration_deadline = models.DateField(_("registration deadline"))
    fee = models.DecimalField(
        _("fee in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Leave empty unless the Volkshochschule has published the fee; 0 means free of "
            "charge. Nothing about cost is shown while it is empty."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SeminarStatus.choices, default=SeminarStatus.PLANNED
    )
    note = models.TextField(_("note"), blank=True)
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("An example seminar for trying the portal out; marked as such everywhere."),
    )
    starts_on = models.DateField(
        _("first day"),
        null=True,
        editable=False,
        db_index=True,
        help_text=_("The date of the first session; kept from the sessions."),
    )
    ends_on = models.DateField(
        _("last day"),
        null=True,
        editable=False,
        db_index=True,
        help_text=_("The date of the last session; kept from the sessions."),
    )
    revision = models.PositiveIntegerField(
        _("revision"), default=0, editable=False, help_text=_("Counts changes, for calendars.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SeminarManager()
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords(excluded_fields=["starts_on", "ends_on"])

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=MAX_CAPACITY),
                name="seminar_capacity_in_range",
                violation_error_message=_("A seminar has at least 1 and at most 500 seats."),
            ),
            models.CheckConstraint(
                condition=Q(fee__gte=0),
                name="seminar_fee_not_negative",
                violation_error_message=_("The fee cannot be negative."),
            ),
            models.UniqueConstraint(
                fields=["vhs", "course_number"],
                condition=~Q(course_number=""),
                name="unique_course_number_per_vhs",
                violation_error_message=_(
                    "This Volkshochschule already has a seminar with this course number."
                ),
            ),
        ]

    def __str__(self):
        number = f" {self.course_number}" if self.course_number else ""
        return f"{self.module} – {self.vhs}{number}"

    def save(self, *args, **kwargs):
        if self.pk:
            self.revision += 1
            # What this object holds may be older than its sessions.
            self.starts_on, self.ends_on = session_dates(self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_plain("qualification:seminar_detail", pk=self.pk)

    def get_format_display(self):
        return choice_label(SeminarFormat, self.format)

    def natural_key(self):
        return self.vhs.natural_key() + (self.course_number,)

    natural_key.dependencies = ["qualification.volkshochschule"]

    def clean(self):
        super().clean()
        if self.pk and self.capacity:
            taken = self.confirmed_participants()
            if self.capacity < taken:
                raise ValidationError(
                    {
                        "capacity": _(
                            "%(taken)d participants are already confirmed; the capacity "
                            "cannot be lower. Cancel registrations first."
                        )
                        % {"taken": taken}
                    }
                )

    # Seats: from the annotation when the queryset has it (with_seats).

    def confirmed_participants(self):
        total = self.registrations.filter(status=RegistrationStatus.CONFIRMED).aggregate(
            total=Sum("participants")
        )["total"]
        return total or 0

    @property
    def seats_left(self):
        taken = self.seats_taken if hasattr(self, "seats_taken") else self.confirmed_participants()
        return max(self.capacity - taken, 0)

    @property
    def is_cancelled(self):
        return self.status == SeminarStatus.CANCELLED

    def registration_problem(self, today=None):
        """Why no one can register now, as a sentence; None while registration is open."""
        today = today or timezone.localdate()
        first = self.starts_on
        if self.status == SeminarStatus.CANCELLED:
            return _("This seminar has been cancelled.")
        if self.status == SeminarStatus.PLANNED:
            return _("Registration for this seminar has not opened yet.")
        if self.status == SeminarStatus.FULL:
            return _("This seminar is fully booked and its waiting list is closed.")
        if first is None or first < today:
            return _("This seminar has already started; registration is closed.")
        if self.registration_deadline < today:
            return _("The registration deadline has passed.")
        return None

    def as_schema_org(self, url):
        """schema.org Course with its CourseInstance (JSON-LD data for search engines).

        `url` is the seminar page's absolute address; sessions must be prefetched
        or are loaded here.
        """
        sessions = list(self.sessions.all())
        vhs = self.vhs
        instance = {
            "@type": "CourseInstance",
            "courseMode": "online" if self.format == SeminarFormat.ONLINE else "onsite",
            "eventAttendanceMode": ATTENDANCE_MODE[self.format],
            "eventStatus": "https://schema.org/EventCancelled"
            if self.is_cancelled
            else "https://schema.org/EventScheduled",
            "inLanguage": self.language,
            "maximumAttendeeCapacity": self.capacity,
            "remainingAttendeeCapacity": self.seats_left,
            "location": {
                "@type": "Place",
                "name": vhs.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": vhs.street,
                    "postalCode": vhs.postcode,
                    "addressLocality": vhs.town or vhs.municipality.name,
                    "addressRegion": "Nordrhein-Westfalen",
                    "addressCountry": "DE",
                },
            },
            "organizer": {"@type": "Organization", "name": vhs.name, "url": vhs.website or None},
            "offers": {
                "@type": "Offer",
                "validThrough": self.registration_deadline.isoformat(),
                "url": url,
            },
        }
        if self.fee is not None:
            instance["offers"].update(price=str(self.fee), priceCurrency="EUR")
        if sessions:
            instance["startDate"] = sessions[0].starts_at().isoformat()
            instance["endDate"] = sessions[-1].ends_at().isoformat()
        return {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.module.title,
            "description": self.module.description,
            "url": url,
            "provider": {"@type": "Organization", "name": "Landesintegrationsrat NRW"},
            "hasCourseInstance": [instance],
        }


class SeminarSessionManager(models.Manager):
    def get_by_natural_key(self, vhs_slug, course_number, date, start_time):
        return self.get(
            seminar__vhs__slug=vhs_slug,
            seminar__course_number=course_number,
            date=date,
            start_time=start_time,
        )


class SeminarSession(models.Model):
    """One day of a seminar, with its start and end time (local time, Europe/Berlin)."""

    seminar = models.ForeignKey(
        Seminar, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("seminar")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))

    objects = SeminarSessionManager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["seminar", "date", "start_time"],
                name="one_session_per_seminar_and_start",
                violation_error_message=_("This seminar already has a session at that time."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def get_absolute_url(self):
        return self.seminar.get_absolute_url()

    @classmethod
    def from_db(cls, db, field_names, values):
        session = super().from_db(db, field_names, values)
        # Which seminar it belonged to when read, for keep_seminar_dates.
        session._loaded_seminar_id = session.__dict__.get("seminar_id")
        return session

    def natural_key(self):
        return self.seminar.natural_key() + (
            self.date.isoformat(),
            self.start_time.isoformat(timespec="minutes"),
        )

    natural_key.dependencies = ["qualification.seminar"]

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("A session must end after it starts.")})

    def starts_at(self):
        return datetime.datetime.combine(
            self.date, self.start_time, tzinfo=timezone.get_default_timezone()
        )

    def ends_at(self):
        return datetime.datetime.combine(
            self.date, self.end_time, tzinfo=timezone.get_default_timezone()
        )


def session_dates(seminar_id):
    """(first, last) date of a seminar's stored sessions; (None, None) without any."""
    dates = SeminarSession.objects.filter(seminar_id=seminar_id).aggregate(
        first=Min("date"), last=Max("date")
    )
    return dates["first"], dates["last"]


def keep_seminar_dates(sender, instance, **kwargs):
    """After a session is saved or deleted: store its seminar's first and last day again.

    Connected to post_save and post_delete of SeminarSession (apps.py); also
    when fixtures are loaded. A seminar this session holds in memory gets the
    new dates as well, and so does the seminar a session was moved away from.
    """
    seminar_ids = {instance.seminar_id, getattr(instance, "_loaded_seminar_id", None)} - {None}
    for seminar_id in seminar_ids:
        first, last = session_dates(seminar_id)
        Seminar.objects.filter(pk=seminar_id).update(starts_on=first, ends_on=last)
        if seminar_id == instance.seminar_id and SeminarSession.seminar.is_cached(instance):
            instance.seminar.starts_on, instance.seminar.ends_on = first, last
    instance._loaded_seminar_id = instance.seminar_id

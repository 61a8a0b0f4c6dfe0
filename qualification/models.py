"""The qualification series: modules, Volkshochschulen, seminars and registrations.

Seats are never stored: a seminar's free seats follow from its capacity and the
participants of its confirmed registrations. The registration workflow (seats,
waiting list, mails) lives in services.py.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, IntegerField, Max, Min, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from committees.models import Committee
from municipalities.models import Municipality

MAX_CAPACITY = 500


def max_group_size():
    return settings.QUALIFICATION_MAX_GROUP_SIZE


# --- Modules -----------------------------------------------------------------


class ModuleManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Module(models.Model):
    """A module of the series, e.g. the Basismodul; the Aufbaumodul builds on it."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))
    builds_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_by",
        verbose_name=_("builds on"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ModuleManager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["position", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(builds_on=F("id")),
                name="module_does_not_build_on_itself",
                violation_error_message=_("A module cannot build on itself."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('qualification:overview')}#module-{self.slug}"

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if self.pk and self.builds_on_id == self.pk:
            raise ValidationError({"builds_on": _("A module cannot build on itself.")})

    @property
    def goal_list(self):
        return [line.strip(" -•\t") for line in self.goals.splitlines() if line.strip(" -•\t")]


# --- Volkshochschulen ---------------------------------------------------------


class VolkshochschuleQuerySet(models.QuerySet):
    def with_municipality(self):
        return self.select_related("municipality__district")


class VolkshochschuleManager(models.Manager.from_queryset(VolkshochschuleQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Volkshochschule(models.Model):
    """A local adult education centre (VHS) that runs seminars of the series."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="volkshochschulen",
        verbose_name=_("municipality"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(53)],
        help_text=_("Empty: the coordinates of the municipality are used."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(10)],
    )
    contact_person = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Shown publicly; only enter a person who agreed to be named."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = VolkshochschuleManager()

    class Meta:
        verbose_name = _("Volkshochschule")
        verbose_name_plural = _("Volkshochschulen")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__gte=50, latitude__lte=53) & Q(longitude__gte=5, longitude__lte=10)),
                name="vhs_coordinates_in_nrw",
                violation_error_message=_(
                    "Enter both coordinates inside North Rhine-Westphalia, or neither."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.latitude is None and self.longitude is None and self.municipality_id:
            self.latitude = self.municipality.latitude
            self.longitude = self.municipality.longitude
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("qualification:vhs_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Enter both coordinates inside North Rhine-Westphalia, or neither.")
            )

    @property
    def has_address(self):
        return bool(self.street or self.postcode or self.town)

    def distance_km(self, municipality):
        from municipalities.models import distance_km

        latitude = self.latitude if self.latitude is not None else self.municipality.latitude
        longitude = self.longitude if self.longitude is not None else self.municipality.longitude
        return distance_km(latitude, longitude, municipality.latitude, municipality.longitude)


class VhsAccount(models.Model):
    """Links a staff login to the one Volkshochschule whose data it may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="vhs_account",
        verbose_name=_("user"),
    )
    vhs = models.ForeignKey(
        Volkshochschule,
        on_delete=models.CASCADE,
        related_name="accounts",
        verbose_name=_("Volkshochschule"),
    )

    class Meta:
        verbose_name = _("VHS account")
        verbose_name_plural = _("VHS accounts")
        ordering = ["vhs__name", "user__username"]

    def __str__(self):
        return f"{self.user} ({self.vhs})"

    def get_absolute_url(self):
        return self.vhs.get_absolute_url()


# --- Seminars -------------------------------------------------------------------


class SeminarFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("hybrid")


class SeminarStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open for registration")
    FULL = "full", _("fully booked")
    CANCELLED = "cancelled", _("cancelled")


class SeminarQuerySet(models.QuerySet):
    def with_dates(self):
        """First and last session date and the seats taken, as annotations."""
        sessions = SeminarSession.objects.filter(seminar=OuterRef("pk")).order_by()
        taken = (
            Registration.objects.filter(seminar=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
            .order_by()
            .values("seminar")
            .annotate(total=Sum("participants"))
            .values("total")
        )
        return self.annotate(
            starts_on=Subquery(
                sessions.values("seminar").annotate(first=Min("date")).values("first")
            ),
            ends_on=Subquery(sessions.values("seminar").annotate(last=Max("date")).values("last")),
            seats_taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0),
        )

    def for_listing(self):
        """Everything a list of seminars shows, in a fixed number of queries."""
        return (
            self.with_dates()
            .select_related("module", "vhs__municipality__district")
            .prefetch_related(
                Prefetch("sessions", queryset=SeminarSession.objects.order_by("date", "start_time"))
            )
            .order_by("starts_on", "vhs__name", "pk")
        )

    def upcoming(self, today=None):
        """Seminars whose last session is today or later."""
        today = today or timezone.localdate()
        queryset = self if "ends_on" in self.query.annotations else self.with_dates()
        return queryset.filter(ends_on__gte=today)

    def public(self):
        """Seminars shown on public pages (all but those without any session)."""
        return self.filter(Exists(SeminarSession.objects.filter(seminar=OuterRef("pk"))))


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
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Usually 0: the seminars are free of charge."),
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
    revision = models.PositiveIntegerField(
        _("revision"), default=0, editable=False, help_text=_("Counts changes, for calendars.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SeminarManager()

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
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("qualification:seminar_detail", kwargs={"pk": self.pk})

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

    # Dates and seats: from annotations when the queryset has them.

    def _sessions(self):
        return list(self.sessions.all())

    @property
    def first_date(self):
        if hasattr(self, "starts_on"):
            return self.starts_on
        sessions = self._sessions()
        return min((s.date for s in sessions), default=None)

    @property
    def last_date(self):
        if hasattr(self, "ends_on"):
            return self.ends_on
        sessions = self._sessions()
        return max((s.date for s in sessions), default=None)

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
        first = self.first_date
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


# --- Registrations ----------------------------------------------------------------


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("awaiting e-mail confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


ACTIVE_STATUSES = [
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
]


class RegistrationKind(models.TextChoices):
    SINGLE = "single", _("just me")
    GROUP = "group", _("a group")


class Membership(models.TextChoices):
    ELECTED = "elected", _("directly elected member")
    DELEGATED = "delegated", _("delegated council member")
    BOTH = "both", _("both (a group of elected and delegated members)")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def for_staff_list(self):
        unsent = Notification.objects.filter(registration=OuterRef("pk"), sent_at__isnull=True)
        return self.select_related("seminar__module", "seminar__vhs", "municipality").annotate(
            has_unsent_mail=Exists(unsent)
        )

    def waiting_list(self, seminar):
        return self.filter(seminar=seminar, status=RegistrationStatus.WAITLISTED).order_by(
            "confirmed_at", "pk"
        )

    def for_vhs(self, vhs_id):
        return self.filter(seminar__vhs_id=vhs_id)


class Registration(models.Model):
    """A registration of one person or a group for a seminar.

    Holds only what the seminar needs; the contact details are anonymised a
    configurable time after the seminar (management command
    purge_registrations).
    """

    seminar = models.ForeignKey(
        Seminar,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("seminar"),
    )
    kind = models.CharField(
        _("registration for"),
        max_length=10,
        choices=RegistrationKind.choices,
        default=RegistrationKind.SINGLE,
    )
    contact_name = models.CharField(_("name of the contact person"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    participants = models.PositiveSmallIntegerField(_("number of participants"), default=1)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="seminar_registrations",
        verbose_name=_("municipality"),
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seminar_registrations",
        verbose_name=_("committee"),
    )
    membership = models.CharField(_("membership"), max_length=10, choices=Membership.choices)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    consent = models.BooleanField(_("consent to the processing of the data"), default=False)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    token = models.CharField(
        _("link token"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(participants__gte=1, participants__lte=100),
                name="registration_participants_in_range",
                violation_error_message=_("A registration is for 1 to 100 participants."),
            ),
            models.CheckConstraint(
                condition=Q(kind="group") | Q(participants=1),
                name="single_registration_is_for_one",
                violation_error_message=_("A registration for yourself is for one person."),
            ),
            models.CheckConstraint(
                condition=Q(consent=True) | Q(anonymised_at__isnull=False),
                name="registration_needs_consent",
                violation_error_message=_("A registration needs consent."),
            ),
            models.UniqueConstraint(
                fields=["seminar", "email"],
                condition=Q(status__in=ACTIVE_STATUSES) & Q(anonymised_at__isnull=True),
                name="one_active_registration_per_email_and_seminar",
                violation_error_message=_(
                    "This e-mail address is already registered for this seminar."
                ),
            ),
        ]

    def __str__(self):
        if self.anonymised_at:
            return _("anonymised registration %(pk)s") % {"pk": self.pk}
        return f"{self.contact_name} ({self.participants}) – {self.seminar}"

    def get_absolute_url(self):
        """The staff page of the registration (it holds personal data)."""
        return reverse("admin:qualification_registration_change", args=[self.pk])

    def clean(self):
        super().clean()
        self.email = (self.email or "").strip().lower()
        if self.kind == RegistrationKind.SINGLE and self.participants != 1:
            self.participants = 1
        if self.participants and self.participants > max_group_size():
            raise ValidationError(
                {
                    "participants": _("At most %(max)d participants per registration.")
                    % {"max": max_group_size()}
                }
            )

    @property
    def confirmation_expires_at(self):
        hours = settings.QUALIFICATION_CONFIRMATION_HOURS
        return self.created_at + datetime.timedelta(hours=hours)

    def confirmation_expired(self, now=None):
        return (now or timezone.now()) > self.confirmation_expires_at

    def waiting_position(self):
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        ahead = Registration.objects.waiting_list(self.seminar_id).filter(
            Q(confirmed_at__lt=self.confirmed_at)
            | Q(confirmed_at=self.confirmed_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


class NotificationKind(models.TextChoices):
    CONFIRM_REQUEST = "confirm_request", _("please confirm")
    CONFIRMED = "confirmed", _("registration confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    MOVED_UP = "moved_up", _("moved up from the waiting list")
    CANCELLED = "cancelled", _("registration cancelled")
    SEMINAR_CANCELLED = "seminar_cancelled", _("seminar cancelled")


class NotificationQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class Notification(models.Model):
    """A mail to a registrant, saved before it is sent so that none gets lost.

    The management command send_pending_mails sends those that failed.
    """

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("registration"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("mail to a registrant")
        verbose_name_plural = _("mails to registrants")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("admin:qualification_notification_change", args=[self.pk])


# --- Contacts --------------------------------------------------------------------


class ContactManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Contact(models.Model):
    """An organisation to ask about the series; only its general contact data."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what to ask them"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(
        _("general e-mail"),
        blank=True,
        help_text=_("An address of the organisation, not of a person."),
    )
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ContactManager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('qualification:overview')}#contact-{self.slug}"

    def natural_key(self):
        return (self.slug,)

    @property
    def phone_uri(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+49" + digits[1:]
        return digits

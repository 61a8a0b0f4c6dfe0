"""Registrations for seminars, the mails sent to registrants, and VHS staff accounts.

A registration holds only what its seminar needs; its contact data is
anonymised a configurable time after the seminar (purge_registrations). The
rules of the group size live in the database (constraints) and in the public
form (RegistrationForm), which explains them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from committees.models import Committee
from helpers.history import TranslatedHistoricalRecords as HistoricalRecords
from municipalities.models import Municipality

from .choices import (
    ACTIVE_STATUSES,
    Membership,
    NotificationKind,
    RegistrationKind,
    RegistrationStatus,
)


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
        "qualification.Seminar",
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
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords(
        # The link token is a secret; contact data is erased by purge_registrations.
        excluded_fields=["token"]
    )

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
        # Without name or address: this text is kept in the admin's log and history.
        if self.anonymised_at:
            return _("anonymised registration %(pk)s") % {"pk": self.pk}
        return _("registration %(pk)s (%(participants)s) – %(seminar)s") % {
            "pk": self.pk,
            "participants": self.participants,
            "seminar": self.seminar,
        }

    def get_absolute_url(self):
        """The staff page of the registration (it holds personal data)."""
        return reverse("admin:qualification_registration_change", args=[self.pk])

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


class NotificationQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def due(self, now=None):
        """Unsent mails whose time has come and that no mail worker holds."""
        now = now or timezone.now()
        return self.unsent().filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
            next_attempt_at__lte=now,
            registration__anonymised_at__isnull=True,
        )


class Notification(models.Model):
    """A mail to a registrant, saved before it is sent so that none gets lost.

    A request only saves it; the mail worker (send_pending_mails --loop)
    claims it for a while (claimed_until), sends it and marks it sent, or
    schedules the next attempt (next_attempt_at). After the last attempt
    next_attempt_at is empty until staff queue the mail again.
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
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now
    )
    claimed_until = models.DateTimeField(_("held by a mail worker until"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("mail to a registrant")
        verbose_name_plural = _("mails to registrants")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("admin:qualification_notification_change", args=[self.pk])


class VhsAccount(models.Model):
    """Links a staff login to the one Volkshochschule whose data it may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="vhs_account",
        verbose_name=_("user"),
    )
    vhs = models.ForeignKey(
        "qualification.Volkshochschule",
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

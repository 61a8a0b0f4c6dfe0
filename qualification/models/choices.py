"""The choices of the qualification models, in one place for catalogue and registrations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SeminarFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("hybrid")


class SeminarStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open for registration")
    FULL = "full", _("fully booked")
    CANCELLED = "cancelled", _("cancelled")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("awaiting e-mail confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


# Registrations that hold or wait for seats.
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


class NotificationKind(models.TextChoices):
    CONFIRM_REQUEST = "confirm_request", _("please confirm")
    CONFIRMED = "confirmed", _("registration confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    MOVED_UP = "moved_up", _("moved up from the waiting list")
    CANCELLED = "cancelled", _("registration cancelled")
    SEMINAR_CANCELLED = "seminar_cancelled", _("seminar cancelled")

"""The qualification series' models, split by concern.

catalogue: modules, Volkshochschulen, contacts.
seminars: seminars and their sessions.
registrations: registrations, the mails to registrants, VHS staff accounts.
"""

from .catalogue import Contact, Module, Volkshochschule
from .choices import (
    ACTIVE_STATUSES,
    Membership,
    NotificationKind,
    RegistrationKind,
    RegistrationStatus,
    SeminarFormat,
    SeminarStatus,
)
from .registrations import Notification, Registration, VhsAccount
from .seminars import MAX_CAPACITY, Seminar, SeminarSession

__all__ = [
    "ACTIVE_STATUSES",
    "MAX_CAPACITY",
    "Contact",
    "Membership",
    "Module",
    "Notification",
    "NotificationKind",
    "Registration",
    "RegistrationKind",
    "RegistrationStatus",
    "Seminar",
    "SeminarFormat",
    "SeminarSession",
    "SeminarStatus",
    "VhsAccount",
    "Volkshochschule",
]

"""Registration workflow: double opt-in, seats, waiting list, cancellation, mails.

Every step that touches seats locks the seminar row first (select_for_update in
a transaction), so two requests for the last seats are served one after the
other and a seminar never gets more confirmed participants than its capacity.
A registration and the mail it triggers are saved in the same transaction;
no request sends mail. The mail worker (send_pending_mails --loop) claims the
saved mails, sends them with a timeout and retries failures with a growing
delay, so a slow or stalled mail server never holds a web request.
"""

import datetime
import logging
import secrets
import time

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import IntegrityError, close_old_connections, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from helpers.signals import content_changed

from .models import (
    ACTIVE_STATUSES,
    Notification,
    NotificationKind,
    Registration,
    RegistrationStatus,
    Seminar,
    SeminarStatus,
)

logger = logging.getLogger(__name__)
mail_logger = logging.getLogger("qualification.mail")


class RegistrationError(Exception):
    """A registration step that cannot be done; str() is a sentence for the user.

    `registration` is the registration concerned, when there is one.
    """

    def __init__(self, message, registration=None):
        super().__init__(message)
        self.message = message
        self.registration = registration


class InvalidLink(RegistrationError):
    pass


class ExpiredLink(InvalidLink):
    pass


def new_token():
    return secrets.token_urlsafe(32)


def _locked_seminar(seminar_id):
    return Seminar.objects.select_for_update().get(pk=seminar_id)


def _queue(registration, kind):
    return Notification.objects.create(registration=registration, kind=kind)


# --- Steps ---------------------------------------------------------------------------


def register(registration):
    """Save a new registration (awaiting confirmation) and send the confirmation link.

    `registration` is unsaved, as RegistrationForm.save(commit=False) returns
    it, with its seminar and language set. Raises RegistrationError when the
    seminar is closed or the e-mail address is already registered for it.
    """
    try:
        with transaction.atomic():
            seminar = _locked_seminar(registration.seminar_id)
            problem = seminar.registration_problem()
            if problem:
                raise RegistrationError(problem)
            duplicate = Registration.objects.active().filter(
                seminar=seminar, email=registration.email
            )
            if duplicate.exists():
                raise RegistrationError(already_registered_message())
            registration.token = new_token()
            registration.save()
            _queue(registration, NotificationKind.CONFIRM_REQUEST)
    except IntegrityError as error:
        # Two posts with the same address at the same moment: the constraint won.
        raise RegistrationError(already_registered_message()) from error
    return registration


def already_registered_message():
    return _(
        "This e-mail address is already registered for this seminar. Please look for "
        "our e-mail with your personal link; it lets you confirm or cancel."
    )


def find_registration(token):
    """The registration behind a link, or InvalidLink."""
    if not token or len(token) > 64:
        raise InvalidLink(_("This link is not valid. Please check that you copied it completely."))
    registration = (
        Registration.objects.select_related("seminar__module", "seminar__vhs")
        .filter(token=token, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        raise InvalidLink(_("This link is not valid. Please check that you copied it completely."))
    return registration


def confirm(token):
    """Double opt-in: the registrant confirms the e-mail address.

    The registration takes seats if enough are free and nobody is waiting;
    otherwise it joins the end of the waiting list. Confirming twice changes
    nothing.
    """
    registration = find_registration(token)
    with transaction.atomic():
        seminar = _locked_seminar(registration.seminar_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.PENDING:
            return registration
        if registration.confirmation_expired():
            raise ExpiredLink(
                _(
                    "This confirmation link has expired. Please register again; the seats "
                    "are only held for confirmed registrations."
                ),
                registration,
            )
        if seminar.status == SeminarStatus.CANCELLED:
            raise RegistrationError(_("This seminar has been cancelled."), registration)
        free = seminar.capacity - seminar.confirmed_participants()
        someone_waiting = Registration.objects.waiting_list(seminar).exists()
        registration.confirmed_at = timezone.now()
        if registration.participants <= free and not someone_waiting:
            registration.status = RegistrationStatus.CONFIRMED
            kind = NotificationKind.CONFIRMED
        else:
            registration.status = RegistrationStatus.WAITLISTED
            kind = NotificationKind.WAITLISTED
        registration.save(update_fields=["status", "confirmed_at"])
        _queue(registration, kind)
    return registration


def cancel(token):
    """The registrant cancels; freed seats go to the waiting list in order."""
    registration = find_registration(token)
    with transaction.atomic():
        seminar = _locked_seminar(registration.seminar_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration, []
        first = seminar.starts_on
        if first and first < timezone.localdate():
            raise RegistrationError(
                _(
                    "The seminar has already started, so the registration can no longer be "
                    "cancelled here. Please contact the Volkshochschule."
                ),
                registration,
            )
        _cancel_locked(registration)
        moved = fill_from_waiting_list(seminar)
        for registration_moved in moved:
            _queue(registration_moved, NotificationKind.MOVED_UP)
    return registration, moved


def _cancel_locked(registration):
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    return [_queue(registration, NotificationKind.CANCELLED)]


def cancel_by_staff(registrations):
    """Cancel registrations from the admin; each seminar's waiting list moves up."""
    notifications = []
    by_seminar = {}
    for registration in registrations:
        by_seminar.setdefault(registration.seminar_id, []).append(registration.pk)
    with transaction.atomic():
        for seminar_id in sorted(by_seminar):
            seminar = _locked_seminar(seminar_id)
            rows = Registration.objects.select_for_update().filter(
                pk__in=by_seminar[seminar_id], status__in=ACTIVE_STATUSES
            )
            for registration in rows:
                notifications += _cancel_locked(registration)
            for moved in fill_from_waiting_list(seminar):
                notifications.append(_queue(moved, NotificationKind.MOVED_UP))
    return len(notifications)


def fill_from_waiting_list(seminar):
    """Confirm waiting registrations in order while their group fits; seminar is locked.

    The order is strict: when the first in line does not fit, nobody behind it
    jumps the queue.
    """
    if seminar.status == SeminarStatus.CANCELLED:
        return []
    free = seminar.capacity - seminar.confirmed_participants()
    moved = []
    for registration in Registration.objects.waiting_list(seminar).select_for_update():
        if registration.participants > free:
            break
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        free -= registration.participants
        moved.append(registration)
    return moved


def seminar_changed(seminar, old_status, old_capacity):
    """After staff saved a seminar: tell registrants of a cancellation, fill new seats."""
    notifications = []
    with transaction.atomic():
        seminar = _locked_seminar(seminar.pk)
        if seminar.status == SeminarStatus.CANCELLED and old_status != SeminarStatus.CANCELLED:
            for registration in seminar.registrations.active():
                notifications.append(_queue(registration, NotificationKind.SEMINAR_CANCELLED))
        elif old_capacity is not None and seminar.capacity > old_capacity:
            for moved in fill_from_waiting_list(seminar):
                notifications.append(_queue(moved, NotificationKind.MOVED_UP))
    return notifications


# --- Mails ---------------------------------------------------------------------------

SUBJECTS = {
    NotificationKind.CONFIRM_REQUEST: _("Please confirm your registration"),
    NotificationKind.CONFIRMED: _("Your seat is confirmed"),
    NotificationKind.WAITLISTED: _("You are on the waiting list"),
    NotificationKind.MOVED_UP: _("Good news: you have moved up from the waiting list"),
    NotificationKind.CANCELLED: _("Your registration has been cancelled"),
    NotificationKind.SEMINAR_CANCELLED: _("The seminar has been cancelled"),
}


def registration_link(registration):
    """The registrant's personal page (confirm or cancel), in their language."""
    with translation.override(registration.language):
        path = reverse("qualification:registration", kwargs={"token": registration.token})
    return settings.SITE_URL + path


def build_message(notification):
    registration = notification.registration
    seminar = Seminar.objects.for_listing().get(pk=registration.seminar_id)
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "seminar": seminar,
            "sessions": list(seminar.sessions.all()),
            "link": registration_link(registration) if registration.token else "",
            "seminar_link": settings.SITE_URL + seminar.get_absolute_url(),
            "expires_at": registration.confirmation_expires_at,
            "kind": notification.kind,
            "position": registration.waiting_position(),
        }
        subject = f"{SUBJECTS[notification.kind]} – {seminar.module.title}"
        body = render_to_string("qualification/mail/notification.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        reply_to=[seminar.vhs.email] if seminar.vhs.email else None,
    )


def retry_delay(attempts):
    """Seconds to wait after the `attempts`-th failure: doubling, up to the maximum."""
    first = settings.QUALIFICATION_MAIL_RETRY_SECONDS
    return min(first * 2 ** (attempts - 1), settings.QUALIFICATION_MAIL_RETRY_MAX_SECONDS)


def claim(limit=5, now=None):
    """Take up to `limit` due mails for this worker; returns their ids, oldest first.

    The rows are locked while they are claimed, and rows another worker is
    claiming at that moment are skipped (select_for_update(skip_locked=True);
    on SQLite the IMMEDIATE transaction serialises the claims). A claim lasts
    long enough for every mail of the batch to stall for a few SMTP timeouts;
    a worker that dies leaves its mails to be claimed again when it runs out,
    and a worker never sends a mail whose claim ran out (send_due).
    """
    now = now or timezone.now()
    hold = datetime.timedelta(seconds=limit * 4 * settings.EMAIL_TIMEOUT + 60)
    with transaction.atomic():
        ids = list(
            Notification.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        Notification.objects.filter(pk__in=ids).update(claimed_until=now + hold)
    return ids


def deliver(notification):
    """Send one claimed mail and record the outcome. Returns True when sent.

    On failure the next attempt is scheduled with a growing delay; after the
    last attempt the mail waits for staff (admin: "send again").
    """
    notification.attempts += 1
    try:
        build_message(notification).send()
    except Exception as error:  # noqa: BLE001 - any mail failure must not lose the registration
        notification.last_error = error.__class__.__name__[:200]
        if notification.attempts >= settings.QUALIFICATION_MAIL_MAX_ATTEMPTS:
            notification.next_attempt_at = None
        else:
            delay = retry_delay(notification.attempts)
            notification.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
        notification.claimed_until = None
        notification.save(
            update_fields=["attempts", "last_error", "next_attempt_at", "claimed_until"]
        )
        mail_logger.warning(
            "Mail %s (%s) for registration %s not sent (attempt %s): %s",
            notification.pk,
            notification.kind,
            notification.registration_id,
            notification.attempts,
            error.__class__.__name__,
        )
        return False
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.claimed_until = None
    notification.save(update_fields=["attempts", "last_error", "sent_at", "claimed_until"])
    mail_logger.info(
        "Mail %s (%s) for registration %s sent",
        notification.pk,
        notification.kind,
        notification.registration_id,
    )
    return True


def send_due(limit=None, batch=5):
    """One pass of the mail worker: claim and send due mails; returns (sent, failed)."""
    sent = failed = 0
    while limit is None or sent + failed < limit:
        size = batch if limit is None else min(batch, limit - sent - failed)
        ids = claim(size)
        if not ids:
            break
        for notification in (
            Notification.objects.filter(pk__in=ids)
            .select_related("registration")
            .order_by("created_at", "pk")
        ):
            if notification.claimed_until is None or notification.claimed_until < timezone.now():
                continue  # held too long: another worker may have it now
            if deliver(notification):
                sent += 1
            else:
                failed += 1
    return sent, failed


def run_worker(interval=5.0, should_stop=lambda: False, sleep=time.sleep):
    """The mail worker's loop: send what is due, wait `interval` seconds, again.

    Database errors (e.g. PostgreSQL restarting) are logged and the loop goes
    on; Django replaces the broken connection at the next pass.
    """
    while not should_stop():
        close_old_connections()
        try:
            send_due()
        except Exception as error:  # noqa: BLE001 - the worker must outlive outages
            mail_logger.error("Mail worker pass failed: %s", error.__class__.__name__)
        deadline = time.monotonic() + interval
        while time.monotonic() < deadline and not should_stop():
            sleep(min(0.1, interval))


def queue_again(notifications):
    """Staff: let the mail worker send these unsent mails as soon as possible."""
    return notifications.unsent().update(next_attempt_at=timezone.now(), claimed_until=None)


# --- Personal data retention ---------------------------------------------------------


def purge_registrations(today=None, days=None, dry_run=False):
    """Anonymise registrations of seminars that ended `days` ago; delete stale ones.

    Contact data (name, e-mail, phone, accessibility needs) is erased; the
    counts (participants, municipality, membership, status) stay for the
    statistics. Unconfirmed registrations whose link has expired are deleted.
    Returns (anonymised, deleted).
    """
    today = today or timezone.localdate()
    days = settings.QUALIFICATION_RETENTION_DAYS if days is None else days
    cutoff = today - datetime.timedelta(days=days)
    ended = Seminar.objects.filter(ends_on__lt=cutoff).values("pk")
    to_anonymise = Registration.objects.filter(seminar__in=ended, anonymised_at__isnull=True)
    expired_before = timezone.now() - datetime.timedelta(
        hours=settings.QUALIFICATION_CONFIRMATION_HOURS
    )
    to_delete = Registration.objects.filter(
        status=RegistrationStatus.PENDING, created_at__lt=expired_before, anonymised_at__isnull=True
    ).exclude(seminar__in=ended)
    with transaction.atomic():
        anonymised = to_anonymise.count()
        deleted = to_delete.count()
        if not dry_run:
            anonymised_ids = list(to_anonymise.values_list("pk", flat=True))
            deleted_ids = list(to_delete.values_list("pk", flat=True))
            to_delete.delete()
            to_anonymise.update(
                contact_name="",
                email="",
                phone="",
                accessibility_needs="",
                token=None,
                anonymised_at=timezone.now(),
            )
            forget_traces(anonymised_ids, deleted_ids)
            # A bulk update sends no model signals; cached pages must still refresh.
            content_changed.send(sender=Registration)
    return anonymised, deleted


def forget_traces(anonymised_ids, deleted_ids):
    """Erase what the admin log and the history keep of purged registrations.

    The history of an anonymised registration keeps its counts and dates but
    loses the contact data; a registration the purge deletes loses its
    history, one that staff deleted keeps it without contact data. The admin
    log keeps that something was done, under the anonymised name.
    """
    history = Registration.history.model.objects
    erased = {"contact_name": "", "email": "", "phone": "", "accessibility_needs": ""}
    history.filter(id__in=deleted_ids).delete()
    history.filter(id__in=anonymised_ids).update(**erased)
    # Registrations that staff deleted keep the record of their deletion, without contact data.
    history.exclude(id__in=Registration.objects.values("pk")).exclude(**erased).update(**erased)
    content_type = ContentType.objects.get_for_model(Registration)
    entries = LogEntry.objects.filter(content_type=content_type)
    with translation.override(settings.LANGUAGE_CODE):
        for pk in anonymised_ids + deleted_ids:
            label = _("anonymised registration %(pk)s") % {"pk": pk}
            entries.filter(object_id=str(pk)).update(object_repr=str(label)[:200])

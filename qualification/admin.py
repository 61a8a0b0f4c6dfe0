"""Admin for the qualification series.

Office staff see everything. A VHS account sees and edits only its own
Volkshochschule's seminars and registrations: every queryset, form choice,
export and print view goes through access.limit_to_scope, so another VHS's
data is not reachable by any URL (the admin answers as if it did not exist).
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from helpers.admin import AuditedAdmin
from helpers.csp import with_public_policy

from . import exports, services
from .access import limit_to_scope, vhs_scope
from .models import (
    Contact,
    Module,
    Notification,
    Registration,
    RegistrationStatus,
    Seminar,
    SeminarSession,
    VhsAccount,
    Volkshochschule,
)


@admin.register(Module)
class ModuleAdmin(TranslationAdmin):
    list_display = ["title", "slug", "builds_on", "position"]
    list_select_related = ["builds_on"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title_de"]}


@admin.register(Contact)
class ContactAdmin(TranslationAdmin):
    list_display = ["name", "phone", "website", "position"]
    search_fields = ["name"]


@admin.register(Volkshochschule)
class VolkshochschuleAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "email", "phone", "website"]
    list_select_related = ["municipality"]
    list_filter = ["municipality__regierungsbezirk"]
    search_fields = ["name", "municipality__name", "town"]
    autocomplete_fields = ["municipality"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "municipality", "is_example"]}),
        (_("Address"), {"fields": ["street", "postcode", "town", "latitude", "longitude"]}),
        (_("Public contact"), {"fields": ["contact_person", "email", "phone", "website"]}),
    ]

    def get_queryset(self, request):
        return limit_to_scope(super().get_queryset(request), request.user, "pk")

    def get_readonly_fields(self, request, obj=None):
        if vhs_scope(request.user).everything:
            return []
        return ["name", "slug", "municipality", "is_example"]

    def has_add_permission(self, request):
        return vhs_scope(request.user).everything and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return vhs_scope(request.user).everything and super().has_delete_permission(request, obj)


@admin.register(VhsAccount)
class VhsAccountAdmin(admin.ModelAdmin):
    list_display = ["user", "vhs"]
    list_select_related = ["user", "vhs"]
    autocomplete_fields = ["vhs"]
    raw_id_fields = ["user"]
    search_fields = ["user__username", "vhs__name"]


class SeminarSessionInline(admin.TabularInline):
    model = SeminarSession
    extra = 1
    min_num = 1


@admin.register(Seminar)
class SeminarAdmin(AuditedAdmin, TranslationAdmin):
    list_display = [
        "module",
        "vhs",
        "course_number",
        "starts_on",
        "status",
        "capacity",
        "seats_taken_display",
        "is_example",
        "participant_links",
    ]
    list_filter = [
        "status",
        "module",
        "format",
        "is_example",
        "vhs__municipality__regierungsbezirk",
    ]
    search_fields = ["course_number", "vhs__name", "module__title"]
    inlines = [SeminarSessionInline]
    autocomplete_fields = ["vhs"]
    fieldsets = [
        (None, {"fields": ["module", "vhs", "course_number", "status", "is_example"]}),
        (_("Where and how"), {"fields": ["format", "language", "venue", "note"]}),
        (_("Registration"), {"fields": ["capacity", "registration_deadline", "fee"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_seats().select_related("module", "vhs")
        return limit_to_scope(queryset, request.user, "vhs_id")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "vhs":
            kwargs["queryset"] = limit_to_scope(Volkshochschule.objects.all(), request.user, "pk")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("seats taken"), ordering="seats_taken")
    def seats_taken_display(self, obj):
        return obj.seats_taken

    @admin.display(description=_("participants"))
    def participant_links(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:qualification_seminar_participants_csv", args=[obj.pk]),
            _("CSV"),
            reverse("admin:qualification_seminar_participants_print", args=[obj.pk]),
            _("print"),
        )

    def save_model(self, request, obj, form, change):
        if not vhs_scope(request.user).allows(obj.vhs_id):
            raise PermissionDenied
        old = (
            Seminar.objects.filter(pk=obj.pk).values("status", "capacity").first()
            if change
            else None
        )
        super().save_model(request, obj, form, change)
        if old:
            notices = services.seminar_changed(obj, old["status"], old["capacity"])
            if notices:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d registrant was notified by e-mail.",
                        "%(count)d registrants were notified by e-mail.",
                        len(notices),
                    )
                    % {"count": len(notices)},
                )

    # Participant lists: CSV and print view, limited like the change view.

    def get_urls(self):
        own = [
            path(
                "<int:pk>/participants.csv",
                self.admin_site.admin_view(self.participants_csv),
                name="qualification_seminar_participants_csv",
            ),
            path(
                "<int:pk>/participants/print/",
                self.admin_site.admin_view(self.participants_print),
                name="qualification_seminar_participants_print",
            ),
        ]
        return own + super().get_urls()

    def _seminar_for_list(self, request, pk):
        if not request.user.has_perm("qualification.view_registration"):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def participants_csv(self, request, pk):
        seminar = self._seminar_for_list(request, pk)
        response = HttpResponse(
            exports.participants_csv(seminar), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="teilnehmende-seminar-{seminar.pk}-{stamp}.csv"'
        )
        response["Cache-Control"] = "no-store"
        return response

    def participants_print(self, request, pk):
        seminar = self._seminar_for_list(request, pk)
        registrations = exports.participant_rows(seminar)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Participants"),
            "seminar": seminar,
            "sessions": list(seminar.sessions.all()),
            "registrations": registrations,
            "confirmed_total": sum(
                r.participants for r in registrations if r.status == RegistrationStatus.CONFIRMED
            ),
        }
        response = TemplateResponse(request, "qualification/admin/participants_print.html", context)
        response["Cache-Control"] = "no-store"
        # Personal data: as strict as the public pages (no inline style either).
        return with_public_policy(response)


class UnsentMailFilter(admin.SimpleListFilter):
    title = _("mail delivery")
    parameter_name = "mail"

    def lookups(self, request, model_admin):
        return [("unsent", _("a mail could not be sent"))]

    def queryset(self, request, queryset):
        if self.value() == "unsent":
            return queryset.filter(has_unsent_mail=True)
        return queryset


@admin.register(Registration)
class RegistrationAdmin(AuditedAdmin):
    list_display = [
        "contact_name",
        "seminar",
        "participants",
        "status",
        "municipality",
        "created_at",
        "mail_problem",
    ]
    list_filter = ["status", UnsentMailFilter, "kind", "membership", "seminar__module"]
    search_fields = ["contact_name", "email", "seminar__course_number", "municipality__name"]
    date_hierarchy = "created_at"
    actions = ["cancel_registrations", "resend_mails"]
    readonly_fields = [
        "seminar",
        "kind",
        "participants",
        "status",
        "municipality",
        "committee",
        "consent",
        "language",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "anonymised_at",
    ]
    fields = [
        "seminar",
        "status",
        "kind",
        "participants",
        "contact_name",
        "email",
        "phone",
        "municipality",
        "committee",
        "membership",
        "accessibility_needs",
        "consent",
        "language",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "anonymised_at",
    ]

    def get_queryset(self, request):
        queryset = Registration.objects.for_staff_list()
        return limit_to_scope(queryset, request.user, "seminar__vhs_id")

    def has_add_permission(self, request):
        # Registrations come through the public form with its checks and opt-in.
        return False

    @admin.display(description=_("mail not sent"), boolean=True, ordering="has_unsent_mail")
    def mail_problem(self, obj):
        return obj.has_unsent_mail

    @admin.action(description=_("Cancel the selected registrations (the waiting list moves up)"))
    def cancel_registrations(self, request, queryset):
        if not self.has_change_permission(request):
            raise PermissionDenied
        mails = services.cancel_by_staff(list(queryset))
        self.message_user(
            request,
            ngettext("%(count)d mail was queued.", "%(count)d mails were queued.", mails)
            % {"count": mails},
        )

    @admin.action(description=_("Try again to send the mails that failed"))
    def resend_mails(self, request, queryset):
        # The mail worker sends them within seconds; no request waits for SMTP.
        queued = services.queue_again(Notification.objects.filter(registration__in=queryset))
        self.message_user(
            request,
            ngettext("%(count)d mail was queued.", "%(count)d mails were queued.", queued)
            % {"count": queued},
        )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "kind",
        "registration_id",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]
    list_filter = [("sent_at", admin.EmptyFieldListFilter), "kind"]
    readonly_fields = [
        "registration",
        "kind",
        "created_at",
        "sent_at",
        "attempts",
        "last_error",
        "next_attempt_at",
        "claimed_until",
    ]
    actions = ["send_now"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return limit_to_scope(queryset, request.user, "registration__seminar__vhs_id")

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the selected mails now"))
    def send_now(self, request, queryset):
        queued = services.queue_again(queryset)
        self.message_user(
            request,
            ngettext("%(count)d mail was queued.", "%(count)d mails were queued.", queued)
            % {"count": queued},
        )

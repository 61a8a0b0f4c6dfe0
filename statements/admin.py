from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from helpers.admin import AuditedAdmin

from .bodytext import render_body
from .models import (
    Attachment,
    Hearing,
    LandtagCommittee,
    Originator,
    Paper,
    Statement,
    Topic,
)
from .references import find_reference, parse_reference


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(Originator)
class OriginatorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PaperAdminForm(forms.ModelForm):
    """Term and number are entered as one reference, the way people write it."""

    reference = forms.CharField(
        label=_("Reference"),
        max_length=40,
        help_text=_("Term/number, e.g. 17/1356; “Drs. 17/1356” is understood too."),
    )

    class Meta:
        model = Paper
        fields = ["kind", "title", "date", "originators", "refers_to", "topics", "summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["reference"].initial = self.instance.reference

    def clean_reference(self):
        reference = parse_reference(self.cleaned_data["reference"])
        duplicate = Paper.objects.with_reference(reference)
        if self.instance.pk:
            duplicate = duplicate.exclude(pk=self.instance.pk)
        if duplicate.exists():
            raise ValidationError(
                _("The Landtag paper %(reference)s already exists."),
                params={"reference": str(reference)},
            )
        self.instance.term, self.instance.number = reference.term, reference.number
        return reference


@admin.register(Paper)
class PaperAdmin(AuditedAdmin, TranslationAdmin):
    form = PaperAdminForm
    list_display = ["reference_display", "kind", "title", "date"]
    list_filter = ["term", "kind", "originators"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["originators", "refers_to"]
    filter_horizontal = ["topics"]
    ordering = ["-term", "-number"]
    fields = ["reference", "kind", "title", "date", "originators", "refers_to", "topics", "summary"]

    @admin.display(description=_("Reference"), ordering="number")
    def reference_display(self, obj):
        return obj.reference

    def get_search_results(self, request, queryset, search_term):
        """A typed reference ("17/1356", "Drs. 17/1356") finds that paper, also in autocomplete."""
        reference = find_reference(search_term)
        if reference:
            return queryset.with_reference(reference), False
        return super().get_search_results(request, queryset, search_term)


@admin.register(LandtagCommittee)
class LandtagCommitteeAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(Hearing)
class HearingAdmin(AuditedAdmin):
    list_display = ["__str__", "committee", "date"]
    list_filter = ["committee"]
    list_select_related = ["committee"]
    search_fields = ["committee__name", "papers__title"]
    autocomplete_fields = ["papers"]
    date_hierarchy = "date"


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF only, at most %(size)d MB.") % {
            "size": settings.STATEMENTS_MAX_ATTACHMENT_MB
        }


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 1
    fields = ["title", "file", "position", "size", "sha256"]
    readonly_fields = ["size", "sha256"]


@admin.register(Statement)
class StatementAdmin(AuditedAdmin, TranslationAdmin):
    list_display = ["title", "status", "published_at", "date", "hearing"]
    list_filter = ["status", "topics", "papers__term"]
    list_select_related = ["hearing__committee"]
    search_fields = ["title", "summary", "slug"]
    autocomplete_fields = ["papers", "hearing"]
    filter_horizontal = ["topics"]
    inlines = [AttachmentInline]
    actions = ["publish", "unpublish"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "date", "summary", "body"]}),
        (_("Landtag"), {"fields": ["papers", "hearing"]}),
        (_("Topics"), {"fields": ["topics"]}),
        (_("Publication"), {"fields": ["status", "published_at", "preview"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj and obj.status == Statement.Status.PUBLISHED else {"slug": ["title_de"]}

    def get_urls(self):
        preview = self.admin_site.admin_view(require_POST(self.unsaved_preview))
        return [
            path("vorschau/", preview, name="statements_statement_unsaved_preview"),
            *super().get_urls(),
        ]

    def unsaved_preview(self, request):
        """The text as it is in the form, before saving: the form's "Preview" button posts here."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        languages = [
            {
                "code": code,
                "name": name,
                "title": request.POST.get(f"title_{code}", "").strip(),
                "summary": request.POST.get(f"summary_{code}", "").strip(),
            }
            for code, name in settings.LANGUAGES
        ]
        # The body is written in German only. Sanitised by nh3 in bodytext.render_body.
        body = render_body(request.POST.get("body", ""))
        languages[0]["body"] = mark_safe(body)  # noqa: S308  # nosec B308 B703
        response = render(
            request,
            "statements/statement_unsaved_preview.html",
            {"languages": [entry for entry in languages if entry["title"] or entry.get("body")]},
        )
        response["Cache-Control"] = "no-store"
        return response

    def get_readonly_fields(self, request, obj=None):
        readonly = ["preview"]
        if obj and obj.status == Statement.Status.PUBLISHED:
            # A permalink stays a permalink.
            readonly.append("slug")
        return readonly

    @admin.display(description=_("Preview"))
    def preview(self, obj):
        if not obj or not obj.pk:
            return _("Save the statement to preview it.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("statements:preview", kwargs={"pk": obj.pk}),
            _("Open the preview"),
        )

    @admin.action(description=_("Publish the selected statements now"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for statement in queryset.exclude(status=Statement.Status.PUBLISHED):
            statement.status = Statement.Status.PUBLISHED
            statement.published_at = statement.published_at or timezone.now()
            statement.save()
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d statement published.", "%(count)d statements published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Withdraw the selected statements (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Statement.Status.PUBLISHED).update(
            status=Statement.Status.DRAFT
        )
        self.message_user(
            request,
            ngettext("%(count)d statement withdrawn.", "%(count)d statements withdrawn.", count)
            % {"count": count},
            messages.SUCCESS,
        )

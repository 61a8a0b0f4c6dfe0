from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from helpers.admin import AuditedAdmin

from .models import Committee, PublishedFigure, Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["__str__", "start", "end"]
    search_fields = ["start", "end"]
    date_hierarchy = "start"


@admin.register(Committee)
class CommitteeAdmin(AuditedAdmin, TranslationAdmin):
    list_display = [
        "official_name",
        "term",
        "kind",
        "is_member",
        "seats_elected",
        "seats_delegated",
    ]
    list_filter = ["term", "kind", "is_member", "municipality__regierungsbezirk"]
    list_select_related = ["municipality", "term"]
    search_fields = ["municipality__name", "municipality__ags", "municipality__district__name"]
    autocomplete_fields = ["municipality"]
    readonly_fields = ["official_name"]
    fieldsets = [
        (None, {"fields": ["municipality", "term", "kind", "official_name", "is_member"]}),
        (_("Seats"), {"fields": ["seats_elected", "seats_delegated", "chair_name"]}),
        (
            _("Public contact"),
            {
                "fields": [
                    "contact_office",
                    "contact_address",
                    "contact_email",
                    "contact_phone",
                    "website",
                ]
            },
        ),
        (_("Note"), {"fields": ["note"]}),
    ]

    def get_changeform_initial_data(self, request):
        """A new committee is most often one of the running term, of the kind its law names."""
        initial = super().get_changeform_initial_data(request)
        term = Term.objects.current()
        if term is not None:
            initial.setdefault("term", term.pk)
            initial.setdefault("kind", term.allowed_kinds[-1])
        return initial

    @admin.display(description=_("official name"), ordering="municipality__name")
    def official_name(self, obj):
        return obj.official_name if obj.pk else "–"


@admin.register(PublishedFigure)
class PublishedFigureAdmin(TranslationAdmin):
    list_display = ["metric", "body", "term", "value", "is_lower_bound", "as_of"]
    list_filter = ["term", "body", "metric"]
    list_select_related = ["term"]
    search_fields = ["source"]

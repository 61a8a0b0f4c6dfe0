from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(TranslationAdmin):
    """The office edits the texts; the pages themselves (their addresses) are fixed."""

    list_display = ["title", "slug", "updated_at"]
    fields = ["slug", "title", "body", "sources", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        return ["slug", "updated_at"] if obj else ["updated_at"]

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return obj.get_absolute_url()

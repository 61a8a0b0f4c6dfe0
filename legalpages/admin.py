from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "slug", "updated_at"]
    readonly_fields = ["updated_at"]
    fields = ["slug", "title", "body", "sources", "updated_at"]

    def view_on_site(self, obj):
        return obj.get_absolute_url()

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Topic


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name_de"]}

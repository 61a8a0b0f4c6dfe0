from django.contrib import admin

from helpers.admin import AuditedAdmin

from .models import District, Municipality


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "kind", "regierungsbezirk"]
    list_filter = ["kind", "regierungsbezirk"]
    search_fields = ["name", "key"]
    readonly_fields = ["regierungsbezirk"]


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ["name", "ags", "kind", "district", "regierungsbezirk", "population"]
    list_filter = ["regierungsbezirk", "kind", "district"]
    list_select_related = ["district"]
    search_fields = ["name", "ags", "district__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["district"]
    readonly_fields = ["regierungsbezirk"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "ags", "district", "regierungsbezirk"]}),
        (
            None,
            {"fields": ["latitude", "longitude", "postcode", "population", "area_km2", "website"]},
        ),
    ]

"""Root URLs: the public pages under a language prefix, the admin outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "Landesintegrationsrat NRW"
admin.site.site_title = "LIR-Portal"
admin.site.index_title = "Verwaltung"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("statements.discovery_urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("committees.urls")),
    path("kommunen/", include("municipalities.urls")),
    path("stellungnahmen/", include("statements.urls")),
    path("qualifizierung/", include("qualification.urls")),
)

handler404 = "lir_portal.views.page_not_found"
handler500 = "lir_portal.views.server_error"

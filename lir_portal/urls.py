"""Root URLs: the public pages under a language prefix; the admin and the files
for crawlers (robots.txt, sitemap.xml) outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from . import views
from .sitemaps import SITEMAPS

admin.site.site_header = "Landesintegrationsrat NRW"
admin.site.site_title = "LIR-Portal"
admin.site.index_title = "Verwaltung"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("committees.urls")),
    path("kommunen/", include("committees.municipality_urls")),
    # The site search keeps its address from the time it searched only statements.
    path("stellungnahmen/suche/", views.search_view, name="search"),
    path("stellungnahmen/", include("statements.urls")),
    path("qualifizierung/", include("qualification.urls")),
)

handler404 = "lir_portal.views.page_not_found"
handler500 = "lir_portal.views.server_error"

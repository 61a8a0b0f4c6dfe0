"""Root URLs: the public pages under a language prefix; the admin and the files
for crawlers (robots.txt, sitemap.xml) outside it."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.decorators.http import require_safe

from . import health, views
from .sitemaps import SITEMAPS
from .sitemaps import section as sitemap_section

admin.site.site_header = "Landesintegrationsrat NRW"
admin.site.site_title = "LIR-Portal"
admin.site.index_title = "Verwaltung"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    # An index of one sitemap per section, so no answer grows with the whole site.
    path(
        "sitemap.xml",
        require_safe(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path("", include("opendata.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("committees.urls")),
    path("kommunen/", include("committees.municipality_urls")),
    # The site search keeps its address from the time it searched only statements.
    path("stellungnahmen/suche/", views.search_view, name="search"),
    path("stellungnahmen/", include("statements.urls")),
    path("qualifizierung/", include("qualification.urls")),
    path("offene-daten/", include("opendata.urls")),
    path("", include("legalpages.urls")),
)

handler404 = "lir_portal.views.page_not_found"
handler500 = "lir_portal.views.server_error"

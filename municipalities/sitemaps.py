"""Sitemap entries for the municipality pages, in every language (used by /sitemap.xml)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Municipality


class MunicipalityIndexSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return ["municipalities:index"]

    def location(self, item):
        return reverse(item)


class MunicipalitySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "yearly"

    def items(self):
        return Municipality.objects.only("slug").order_by("slug")

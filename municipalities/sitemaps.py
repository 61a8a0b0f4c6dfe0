"""Sitemap entries of the municipality pages, in every language."""

from helpers.sitemaps import I18nSitemap

from .models import Municipality


class MunicipalitySitemap(I18nSitemap):
    changefreq = "yearly"

    def items(self):
        return Municipality.objects.only("slug").order_by("slug")

"""Sitemap entries of the qualification pages, in every language."""

from helpers.sitemaps import I18nSitemap, NamedPagesSitemap

from .models import Seminar, Volkshochschule


class QualificationPagesSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    priority = 0.6
    url_names = ("qualification:overview", "qualification:seminar_list")


class SeminarSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Seminar.objects.public().real().upcoming().order_by("pk")

    def lastmod(self, seminar):
        return seminar.updated_at


class VolkshochschuleSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Volkshochschule.objects.real().order_by("slug")

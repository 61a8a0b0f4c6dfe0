"""Sitemaps of the qualification pages; `sitemaps` is wired into sitemap.xml elsewhere."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Seminar, Volkshochschule


class QualificationPagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["qualification:overview", "qualification:seminar_list"]

    def location(self, item):
        return reverse(item)


class SeminarSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Seminar.objects.public().upcoming().order_by("pk")

    def lastmod(self, seminar):
        return seminar.updated_at


class VolkshochschuleSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Volkshochschule.objects.order_by("slug")


sitemaps = {
    "qualification-pages": QualificationPagesSitemap,
    "qualification-seminars": SeminarSitemap,
    "qualification-vhs": VolkshochschuleSitemap,
}

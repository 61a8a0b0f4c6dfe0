"""Sitemap entries for the committee pages, in every language (used by /sitemap.xml)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from municipalities.models import Municipality

from .models import Committee


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class CommitteePagesSitemap(I18nSitemap):
    """The home page, the committee index, the map and the figures."""

    changefreq = "weekly"

    def items(self):
        return ["home", "committees:index", "committees:map", "committees:statistics"]

    def location(self, item):
        return reverse(item)


class CommitteeSitemap(I18nSitemap):
    """A committee's page per municipality (its latest term) and per term."""

    changefreq = "monthly"

    def items(self):
        latest = [
            ("latest", slug)
            for slug in Municipality.objects.filter(committees__isnull=False)
            .order_by("slug")
            .values_list("slug", flat=True)
            .distinct()
        ]
        terms = [
            ("term", committee)
            for committee in Committee.objects.select_related("municipality", "term").order_by(
                "municipality__slug", "-term__start"
            )
        ]
        return latest + terms

    def location(self, item):
        kind, value = item
        if kind == "latest":
            return reverse("committees:detail", kwargs={"slug": value})
        return value.get_absolute_url()

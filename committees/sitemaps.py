"""Sitemap entries of the registry's pages, in every language."""

from django.urls import reverse

from helpers.sitemaps import I18nSitemap, NamedPagesSitemap
from municipalities.models import Municipality

from .models import Committee


class CommitteePagesSitemap(NamedPagesSitemap):
    """The committee index, the municipality index, the map and the figures."""

    changefreq = "weekly"
    url_names = (
        "committees:index",
        "municipalities:index",
        "committees:map",
        "committees:statistics",
    )


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
            for committee in Committee.objects.select_related("municipality", "term")
            # What its address is made of.
            .only("municipality__slug", "term__start", "term__end")
            .order_by("municipality__slug", "-term__start")
        ]
        return latest + terms

    def location(self, item):
        kind, value = item
        if kind == "latest":
            return reverse("committees:detail", kwargs={"slug": value})
        return value.get_absolute_url()

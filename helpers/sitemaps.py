"""The base of every sitemap: each page in all four languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.functional import cached_property


class I18nSitemap(Sitemap):
    """Each page in every language; its items are read once per sitemap object.

    Django's sitemap index asks a sitemap for its items twice (for the latest
    lastmod and for the number of files), and so does a section's page.
    """

    i18n = True
    alternates = True
    x_default = True
    # Addresses per sitemap file (each page counts once per language); the
    # index lists the further files (?p=2 …). With four alternates each, 100
    # addresses make about 60 KB: a file is quick to write and to send.
    limit = 100

    @cached_property
    def item_list(self):
        return list(self.items())

    def _items(self):
        return [
            (item, language)
            for item in self.item_list
            for language in self.get_languages_for_item(item)
        ]

    @cached_property
    def paginator(self):
        return Paginator(self._items(), self.limit)

    def get_latest_lastmod(self):
        lastmod = getattr(self, "lastmod", None)
        if not callable(lastmod):
            return super().get_latest_lastmod()
        try:
            return max((lastmod(item) for item in self.item_list), default=None)
        except TypeError:  # as Django: an item without a date means no latest date
            return None


class NamedPagesSitemap(I18nSitemap):
    """Pages without an object, listed by URL name in `url_names`."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)

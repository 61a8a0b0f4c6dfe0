"""The base of every sitemap: each page in all four languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per sitemap file (each page counts once per language); the
    # index lists the further files (?p=2 …). With four alternates each, 100
    # addresses make about 60 KB: a file is quick to write and to send.
    limit = 100


class NamedPagesSitemap(I18nSitemap):
    """Pages without an object, listed by URL name in `url_names`."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)

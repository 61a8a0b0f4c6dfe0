"""Every public page of the portal in every language, for /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from committees.sitemaps import CommitteePagesSitemap, CommitteeSitemap
from municipalities.sitemaps import MunicipalityIndexSitemap, MunicipalitySitemap
from qualification.sitemaps import sitemaps as qualification_sitemaps

from .models import Hearing, LandtagCommittee, Paper, Statement, Topic


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StatementPagesSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["statements:index", "statements:paper_index"]

    def location(self, item):
        return reverse(item)


class StatementSitemap(I18nSitemap):
    """Published statements only: drafts have no public page."""

    changefreq = "monthly"

    def items(self):
        return Statement.objects.published().only("slug", "published_at").order_by("-published_at")

    def lastmod(self, item):
        return item.published_at


class PaperSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Paper.objects.only("term", "number").order_by("term", "number")


class TopicSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.only("slug")


class HearingSitemap(I18nSitemap):
    changefreq = "yearly"

    def items(self):
        return Hearing.objects.select_related("committee").order_by("date")


class LandtagCommitteeSitemap(I18nSitemap):
    changefreq = "yearly"

    def items(self):
        return LandtagCommittee.objects.only("slug")


SITEMAPS = {
    "pages": CommitteePagesSitemap,
    "committees": CommitteeSitemap,
    "municipality-index": MunicipalityIndexSitemap,
    "municipalities": MunicipalitySitemap,
    "statement-pages": StatementPagesSitemap,
    "statements": StatementSitemap,
    "papers": PaperSitemap,
    "topics": TopicSitemap,
    "hearings": HearingSitemap,
    "landtag-committees": LandtagCommitteeSitemap,
    **qualification_sitemaps,
}

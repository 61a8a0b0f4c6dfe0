"""Sitemap entries of statements, papers, hearings and topics, in every language."""

from helpers.sitemaps import I18nSitemap, NamedPagesSitemap

from .models import Hearing, LandtagCommittee, Paper, Statement, Topic


class StatementPagesSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    url_names = ("statements:index", "statements:paper_index")


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

"""The sitemap of the whole site: every public page in every language."""

from committees.sitemaps import CommitteePagesSitemap, CommitteeSitemap
from helpers.sitemaps import NamedPagesSitemap
from municipalities.sitemaps import MunicipalitySitemap
from qualification.sitemaps import (
    QualificationPagesSitemap,
    SeminarSitemap,
    VolkshochschuleSitemap,
)
from statements.sitemaps import (
    HearingSitemap,
    LandtagCommitteeSitemap,
    PaperSitemap,
    StatementPagesSitemap,
    StatementSitemap,
    TopicSitemap,
)


class OpenDataSitemap(NamedPagesSitemap):
    changefreq = "monthly"
    url_names = ("opendata:index",)


class HomeSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    url_names = ("home",)


class LegalPagesSitemap(NamedPagesSitemap):
    changefreq = "yearly"
    priority = 0.2
    url_names = (
        "legalpages:impressum",
        "legalpages:datenschutz",
        "legalpages:barrierefreiheit",
        "legalpages:leichte-sprache",
    )


SITEMAPS = {
    "home": HomeSitemap,
    "registry": CommitteePagesSitemap,
    "committees": CommitteeSitemap,
    "municipalities": MunicipalitySitemap,
    "statement-pages": StatementPagesSitemap,
    "statements": StatementSitemap,
    "papers": PaperSitemap,
    "topics": TopicSitemap,
    "hearings": HearingSitemap,
    "landtag-committees": LandtagCommitteeSitemap,
    "qualification-pages": QualificationPagesSitemap,
    "qualification-seminars": SeminarSitemap,
    "qualification-vhs": VolkshochschuleSitemap,
    "open-data": OpenDataSitemap,
    "legal": LegalPagesSitemap,
}

"""The sitemap of the whole site: every public page in every language.

`/sitemap.xml` is Django's index of the sections below; each section is
Django's sitemap view, whose XML is written here in one pass instead of
through the template engine (a section lists each page four times, with four
alternates and x-default each, which made the template most of its time).
"""

import datetime

from django.contrib.sitemaps import views as sitemaps
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_safe

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


URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)


@require_safe
def section(request, section):
    """One section's sitemap (with Django's paging, 404s and Last-Modified)."""
    response = sitemaps.sitemap(request, SITEMAPS, section)
    response.content = urlset_xml(response.context_data["urlset"])
    return response


def urlset_xml(urls):
    """The <urlset> of Django's sitemap.xml template for these urls."""
    parts = [URLSET_START]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            parts.append(f"<lastmod>{day(url['lastmod'])}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        for alternate in url["alternates"]:
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
                f'href="{escape(alternate["location"])}"/>'
            )
        parts.append("</url>")
    parts.append("</urlset>\n")
    return "".join(parts)


def day(value):
    """YYYY-MM-DD, in the site's time zone as the template's date filter shows it."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")

"""Atom feeds of newly published statements, overall and per topic."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Statement, Topic

AUTHOR = "Landesintegrationsrat NRW"


class LatestStatementsFeed(Feed):
    feed_type = Atom1Feed
    author_name = AUTHOR
    title = _("Statements of the Landesintegrationsrat NRW")
    subtitle = _("New statements on bills and motions of the Landtag NRW.")

    def link(self):
        return reverse("statements:index")

    def feed_url(self):
        return reverse("statements:feed")

    def base_items(self):
        return (
            Statement.objects.published()
            .select_related("hearing__committee")
            .prefetch_related("topics")
            .order_by("-published_at", "-pk")
        )

    def items(self):
        return self.base_items()[: settings.STATEMENTS_FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]

    def item_guid(self, item):
        # A tag URI stays the same whatever the host or language (RFC 4151).
        return f"tag:landesintegrationsrat-nrw.de,2026:statement:{item.slug}"

    def item_guid_is_permalink(self, item):
        return False


class TopicStatementsFeed(LatestStatementsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return _("Statements of the Landesintegrationsrat NRW: %(topic)s") % {"topic": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return obj.get_feed_url()

    def items(self, obj):
        return self.base_items().filter(topics=obj)[: settings.STATEMENTS_FEED_SIZE]

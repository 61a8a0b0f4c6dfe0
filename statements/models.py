"""Topics, statements of the association and the Landtag papers they refer to."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TopicManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Topic(models.Model):
    """A theme the committees work on (seed 000), e.g. anti-discrimination."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = TopicManager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("statements:topic", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


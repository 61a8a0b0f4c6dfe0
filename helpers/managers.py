"""Managers shared by the apps' models."""

from django.db import models


class SlugManager(models.Manager):
    """For models whose natural key (fixtures, `load_portal_data`) is their unique slug."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

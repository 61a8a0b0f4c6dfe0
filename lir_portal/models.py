"""The site's own state: the version of the public content."""

import secrets
from functools import partial

from django.conf import settings
from django.core.cache import caches
from django.db import models, transaction


class ContentVersion(models.Model):
    """One row whose number changes whenever public content changes.

    The page cache keys every stored page with it, so an edit is visible at
    the next request on every instance. It lives in the database, which all
    instances share, so it holds even where the cache is local to a process.
    Each new value is random, so a database restored from a backup never meets
    pages stored under the same number for other content.

    Where the page cache is shared by all instances (Redis), it also holds a
    copy of the version, so a cached page costs one round trip to Redis and
    none to the database. The copy is written after the change is committed,
    so no page rendered before the change is ever stored under the new
    value; when the copy is missing, the database's value is copied again.
    """

    value = models.BigIntegerField(default=0)

    ROW = 1

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.value)

    @classmethod
    def current(cls):
        value = cls.objects.filter(pk=cls.ROW).values_list("value", flat=True).first()
        if value is None:
            value = cls.objects.get_or_create(pk=cls.ROW, defaults={"value": new_value()})[0].value
        return value

    @classmethod
    def bump(cls):
        value = new_value()
        if not cls.objects.filter(pk=cls.ROW).update(value=value):
            cls.objects.update_or_create(pk=cls.ROW, defaults={"value": value})
        if settings.PAGE_CACHE_SHARES_VERSION:
            transaction.on_commit(partial(share_version, value))

    @classmethod
    def current_and_page(cls, key):
        """(the current version, the cached entry under `key` or None)."""
        cache = caches[settings.PAGE_CACHE_ALIAS]
        if not settings.PAGE_CACHE_SHARES_VERSION:
            return cls.current(), cache.get(key)
        found = cache.get_many([SHARED_VERSION_KEY, key])
        value = found.get(SHARED_VERSION_KEY)
        if value is None:
            value = cls.current()
            # `add`, not `set`: a bump committed meanwhile has written a newer value.
            cache.add(SHARED_VERSION_KEY, value, settings.PAGE_CACHE_VERSION_SECONDS)
        return value, found.get(key)


SHARED_VERSION_KEY = "content-version"


def share_version(value):
    caches[settings.PAGE_CACHE_ALIAS].set(
        SHARED_VERSION_KEY, value, settings.PAGE_CACHE_VERSION_SECONDS
    )


def new_value():
    return secrets.randbits(62)

"""The site's own state: the version of the public content."""

import secrets
from functools import partial

from django.conf import settings
from django.core.cache import caches
from django.db import connection, models, transaction
from django.utils import timezone

from statements.models import Statement


class ContentVersion(models.Model):
    """One row whose number changes whenever public content changes.

    The page cache keys every stored page with it, so an edit is visible at
    the next request on every instance. It lives in the database, which all
    instances share, so it holds even where the cache is local to a process.
    Each new value is random, so a database restored from a backup never meets
    pages stored under the same number for other content.

    Content also changes by itself: a statement published for a later time
    appears then. `valid_until` holds the next such moment; the first request
    after it raises the version. (What changes with the date, such as the
    upcoming seminars, is handled by the page cache's keys, which carry the day.)

    Where the page cache is shared by all instances (Redis), it also holds a
    copy of the version, so a cached page costs one round trip to Redis and
    none to the database. The copy is written after the change is committed,
    so no page rendered before the change is ever stored under the new
    value; when the copy is missing, the database's value is copied again.
    """

    value = models.BigIntegerField(default=0)
    valid_until = models.DateTimeField(null=True, blank=True)

    ROW = 1

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.value)

    @classmethod
    def row(cls):
        """(value, valid_until) of the one row, which is made when missing."""
        found = cls.read_row()
        if found is None:
            made = cls.objects.get_or_create(pk=cls.ROW, defaults={"value": new_value()})[0]
            found = (made.value, made.valid_until)
        return found

    @classmethod
    def read_row(cls):
        """(value, valid_until) of the one row or None, read in plain SQL.

        Every request without a shared copy of the version asks; building and
        compiling the ORM's query took ten times as long as the database. The
        date comes back as the ORM would give it (its converters for the field).
        """
        with connection.cursor() as cursor:
            cursor.execute(ROW_SQL, [cls.ROW])
            found = cursor.fetchone()
        if found is None:
            return None
        number, valid_until = found
        until = cls._meta.get_field("valid_until")
        column = until.get_col(cls._meta.db_table)
        converters = connection.ops.get_db_converters(column) + until.get_db_converters(connection)
        for convert in converters:
            valid_until = convert(valid_until, column, connection)
        return number, valid_until

    @classmethod
    def current(cls):
        return cls.valid_value(cls.row())

    @classmethod
    def valid_value(cls, row):
        value, valid_until = row
        if valid_until is not None and timezone.now() >= valid_until:
            return cls.bump()
        return value

    @classmethod
    def bump(cls):
        """Raise the version; returns the new value."""
        value = new_value()
        valid_until = next_change_by_itself()
        changes = {"value": value, "valid_until": valid_until}
        if not cls.objects.filter(pk=cls.ROW).update(**changes):
            cls.objects.update_or_create(pk=cls.ROW, defaults=changes)
        if settings.PAGE_CACHE_SHARES_VERSION:
            transaction.on_commit(partial(share_version, (value, valid_until)))
        return value

    @classmethod
    def current_and_page(cls, key):
        """(the current version, the cached entry under `key` or None)."""
        cache = page_cache()
        if not settings.PAGE_CACHE_SHARES_VERSION:
            return cls.current(), cache.get(key)
        found = cache.get_many([SHARED_VERSION_KEY, key])
        row = found.get(SHARED_VERSION_KEY)
        if row is None:
            row = cls.row()
            # `add`, not `set`: a bump committed meanwhile has written a newer value.
            cache.add(SHARED_VERSION_KEY, row, settings.PAGE_CACHE_VERSION_SECONDS)
        return cls.valid_value(row), found.get(key)


SHARED_VERSION_KEY = "content-version"
# ContentVersion.read_row(): the model's table and columns as Django names them.
ROW_SQL = "SELECT value, valid_until FROM lir_portal_contentversion WHERE id = %s"


def page_cache():
    """The cache of whole pages (and of what the site search found per word)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def share_version(row):
    page_cache().set(SHARED_VERSION_KEY, row, settings.PAGE_CACHE_VERSION_SECONDS)


def next_change_by_itself():
    """The next time public content changes without an edit: a scheduled publication."""
    return (
        Statement.objects.filter(status=Statement.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def new_value():
    return secrets.randbits(62)

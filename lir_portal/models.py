"""The site's own state: the version of the public content."""

import secrets

from django.db import models


class ContentVersion(models.Model):
    """One row whose number changes whenever public content changes.

    The page cache keys every stored page with it, so an edit is visible at
    the next request on every instance. It lives in the database, which all
    instances share, so it holds even where the cache is local to a process.
    Each new value is random, so a database restored from a backup never meets
    pages stored under the same number for other content.
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


def new_value():
    return secrets.randbits(62)

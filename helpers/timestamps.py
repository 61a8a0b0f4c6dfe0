"""When a record was created and last changed, for clients that sync (OParl's
`created`, `modified`, `modified_since`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """`created` once, `modified` on every save.

    Both default to now, so fixtures and rows that existed before the fields
    came get a value; `save()` moves `modified` on (also with update_fields).
    """

    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("modified"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.modified = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "modified"}
        super().save(*args, **kwargs)

    def touch(self):
        """Record a change that did not go through save() (e.g. a many-to-many link)."""
        type(self)._default_manager.filter(pk=self.pk).update(modified=timezone.now())

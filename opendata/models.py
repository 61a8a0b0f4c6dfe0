"""What remains of an object the OParl interface published and that is gone since.

OParl clients sync with `modified_since`; they learn of a deletion only if the
object stays in its list as `deleted: true`. A tombstone keeps its kind, its
key in the interface's URL, the body whose lists it belongs to and its times.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Tombstone(models.Model):
    class Kind(models.TextChoices):
        BODY = "body", "Body"
        COMMITTEE = "committee", "Organization (committee)"
        LANDTAG_COMMITTEE = "landtag-committee", "Organization (Landtag committee)"
        TERM = "term", "LegislativeTerm"
        PAPER = "paper", "Paper (Landtag paper)"
        STATEMENT = "statement", "Paper (statement)"
        MEETING = "meeting", "Meeting (hearing)"
        CONSULTATION = "consultation", "Consultation"
        FILE = "file", "File"

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=40)
    body = models.CharField(
        _("body"), max_length=20, blank=True, help_text=_("Key of the body whose lists show it.")
    )
    created = models.DateTimeField(_("created"))
    modified = models.DateTimeField(_("deleted on"), default=timezone.now)

    class Meta:
        verbose_name = _("deleted object")
        verbose_name_plural = _("deleted objects")
        ordering = ["modified", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_tombstone_per_object")
        ]

    def __str__(self):
        return f"{self.kind} {self.key}"

    @classmethod
    def bury(cls, kind, key, body, created):
        cls.objects.update_or_create(
            kind=kind,
            key=str(key),
            defaults={
                "body": body,
                "created": created or timezone.now(),
                "modified": timezone.now(),
            },
        )

    @classmethod
    def revive(cls, kind, key):
        cls.objects.filter(kind=kind, key=str(key)).delete()

"""The pages a public body must have (imprint, privacy notice, accessibility
statement) and the portal explained in easy German, written by the office."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from helpers.managers import SlugManager


class LegalPageKind(models.TextChoices):
    IMPRINT = "impressum", _("Imprint")
    PRIVACY = "datenschutz", _("Privacy notice")
    ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")
    EASY_GERMAN = "leichte-sprache", _("The portal in easy German")


class LegalPage(models.Model):
    """One page per kind. The German text is binding; the others are translations.

    The body is plain text: a blank line starts a paragraph, a line starting
    with "## " is a heading, lines starting with "- " form a list. Addresses
    and links are recognised. The placeholders {retention_days},
    {confirmation_hours} and {post_window_minutes} show the current settings.
    """

    slug = models.SlugField(_("page"), choices=LegalPageKind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "A blank line starts a new paragraph; a line starting with “## ” is a heading, "
            "lines starting with “- ” form a list. {retention_days}, {confirmation_hours} and "
            "{post_window_minutes} are replaced by the current settings."
        ),
    )
    sources = models.TextField(
        _("sources of the facts"),
        blank=True,
        help_text=_("Where the address, phone number and other facts on this page come from."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, null=True)

    objects = SlugManager()

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"legalpages:{self.slug}")

    def natural_key(self):
        return (self.slug,)

    @property
    def is_easy_german(self):
        return self.slug == LegalPageKind.EASY_GERMAN

    def placeholders(self):
        return {
            "retention_days": str(settings.QUALIFICATION_RETENTION_DAYS),
            "confirmation_hours": str(settings.QUALIFICATION_CONFIRMATION_HOURS),
            "post_window_minutes": str(max(1, settings.QUALIFICATION_POST_WINDOW // 60)),
        }

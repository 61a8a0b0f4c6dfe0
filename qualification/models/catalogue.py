"""The catalogue of the qualification series: modules, Volkshochschulen and contacts."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from helpers.collation import german
from helpers.managers import SlugManager
from helpers.urls import reverse_plain
from municipalities.models import Municipality

# --- Modules -----------------------------------------------------------------


class Module(models.Model):
    """A module of the series, e.g. the Basismodul; the Aufbaumodul builds on it."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))
    builds_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_by",
        verbose_name=_("builds on"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugManager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["position", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(builds_on=F("id")),
                name="module_does_not_build_on_itself",
                violation_error_message=_("A module cannot build on itself."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('qualification:overview')}#module-{self.slug}"

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if self.pk and self.builds_on_id == self.pk:
            raise ValidationError({"builds_on": _("A module cannot build on itself.")})

    @property
    def goal_list(self):
        return [line.strip(" -•\t") for line in self.goals.splitlines() if line.strip(" -•\t")]


# --- Volkshochschulen ---------------------------------------------------------


class VolkshochschuleQuerySet(models.QuerySet):
    def with_municipality(self):
        return self.select_related("municipality__district")

    def real(self):
        """Without the examples of the demo data."""
        return self.filter(is_example=False)


class Volkshochschule(models.Model):
    """A local adult education centre (VHS) that runs seminars of the series."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="volkshochschulen",
        verbose_name=_("municipality"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(53)],
        help_text=_("Empty: the coordinates of the municipality are used."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(10)],
    )
    contact_person = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Shown publicly; only enter a person who agreed to be named."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_(
            "Part of the demo data for trying the portal out: marked as an example "
            "everywhere, never in sitemaps, calendars or search-engine data."
        ),
    )

    objects = SlugManager.from_queryset(VolkshochschuleQuerySet)()

    class Meta:
        verbose_name = _("Volkshochschule")
        verbose_name_plural = _("Volkshochschulen")
        ordering = [german("name")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__gte=50, latitude__lte=53) & Q(longitude__gte=5, longitude__lte=10)),
                name="vhs_coordinates_in_nrw",
                violation_error_message=_(
                    "Enter both coordinates inside North Rhine-Westphalia, or neither."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_plain("qualification:vhs_detail", slug=self.slug)

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Enter both coordinates inside North Rhine-Westphalia, or neither.")
            )

    @property
    def has_address(self):
        return bool(self.street or self.postcode or self.town)


# --- Contacts --------------------------------------------------------------------


class Contact(models.Model):
    """An organisation to ask about the series; only its general contact data."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what to ask them"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    contact_person = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Shown publicly, as the organisation published it."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("As the organisation published it, also a contact person's address."),
    )
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugManager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('qualification:overview')}#contact-{self.slug}"

    def natural_key(self):
        return (self.slug,)

    @property
    def phone_uri(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+49" + digits[1:]
        return digits

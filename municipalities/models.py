"""Municipalities of North Rhine-Westphalia, keyed by their official key (AGS)."""

import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import FloatField, Q, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt, Substr
from django.utils.translation import gettext_lazy as _

from helpers.collation import german
from helpers.history import TranslatedHistoricalRecords as HistoricalRecords
from helpers.similarity import close_matches, typo_of
from helpers.text import index_letter, spelling_of
from helpers.timestamps import Timestamped
from helpers.urls import reverse_plain


class RegierungsBezirk(models.TextChoices):
    """The five government districts, keyed by the third digit of the AGS."""

    DUESSELDORF = "1", "Düsseldorf"
    KOELN = "3", "Köln"
    MUENSTER = "5", "Münster"
    DETMOLD = "7", "Detmold"
    ARNSBERG = "9", "Arnsberg"


# A key of a body in NRW: Land 05, then the Regierungsbezirk digit.
AGS_PATTERN = r"^05[13579][0-9]{5}$"
DISTRICT_KEY_PATTERN = r"^05[13579][0-9]{2}$"

ags_validator = RegexValidator(
    AGS_PATTERN,
    _(
        "An official municipality key (AGS) of North Rhine-Westphalia has 8 digits "
        "and starts with 05, followed by the digit of the Regierungsbezirk "
        "(1, 3, 5, 7 or 9), for example 05315000."
    ),
)
district_key_validator = RegexValidator(
    DISTRICT_KEY_PATTERN,
    _(
        "A district key of North Rhine-Westphalia has 5 digits and starts with 05, "
        "followed by the digit of the Regierungsbezirk, for example 05382."
    ),
)


class DistrictManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class District(models.Model):
    """A Kreis, a kreisfreie Stadt or the StädteRegion Aachen."""

    class Kind(models.TextChoices):
        KREIS = "kreis", _("district (Kreis)")
        KREISFREIE_STADT = "kreisfreie_stadt", _("district-free city")
        STAEDTEREGION = "staedteregion", _("city region (Städteregion)")

    key = models.CharField(
        _("district key"), max_length=5, unique=True, validators=[district_key_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    regierungsbezirk = models.GeneratedField(
        expression=Substr("key", 3, 1),
        output_field=models.CharField(max_length=1, choices=RegierungsBezirk.choices),
        db_persist=True,
        verbose_name=_("Regierungsbezirk"),
    )

    objects = DistrictManager()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = [german("name")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(key__regex=DISTRICT_KEY_PATTERN),
                name="district_key_format",
                violation_error_message=district_key_validator.message,
            ),
        ]

    def __str__(self):
        return self.display_name

    def natural_key(self):
        return (self.key,)

    @property
    def display_name(self):
        """ "Kreis Kleve" for a Kreis whose name does not say so; else the name."""
        if self.kind == self.Kind.KREIS and "kreis" not in self.name.casefold():
            return f"Kreis {self.name}"
        return self.name

    @property
    def regierungsbezirk_name(self):
        return RegierungsBezirk(self.regierungsbezirk).label

    @property
    def is_city(self):
        return self.kind == self.Kind.KREISFREIE_STADT


class MunicipalityQuerySet(models.QuerySet):
    def with_district(self):
        return self.select_related("district")

    def matching(self, words):
        """Municipalities whose name or district has every word: in any spelling, or
        (on PostgreSQL) with a small typo in the name."""
        query = Q()
        for word in words:
            query &= spelling_of(["name", "district__name"], word) | typo_of("name", word)
        return self.filter(query)

    def similar_to(self, text, limit=5, names=None):
        """The municipalities whose names are most like `text`, best first: for "did you mean".

        `names` are those of the rows, where the caller has them already.
        """
        if names is None:
            names = self.order_by().values_list("name", flat=True)
        names = close_matches(text, names, limit)
        if not names:
            return []
        found = {municipality.name: municipality for municipality in self.filter(name__in=names)}
        return [found[name] for name in names if name in found]


class MunicipalityManager(models.Manager.from_queryset(MunicipalityQuerySet)):
    def get_by_natural_key(self, ags):
        return self.get(ags=ags)


class Municipality(Timestamped):
    """A municipality (Gemeinde) of NRW as listed in the official directory."""

    class Kind(models.TextChoices):
        STADT = "stadt", _("town")
        GEMEINDE = "gemeinde", _("municipality")

    ags = models.CharField(
        _("official municipality key (AGS)"),
        max_length=8,
        unique=True,
        validators=[ags_validator],
        help_text=_("8 digits, as in the official municipality directory, e.g. 05315000."),
    )
    name = models.CharField(_("official name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        _("designation"),
        max_length=10,
        choices=Kind.choices,
        help_text=_("Stadt or Gemeinde; used in the committee's official name."),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("district"),
    )
    regierungsbezirk = models.GeneratedField(
        expression=Substr("ags", 3, 1),
        output_field=models.CharField(max_length=1, choices=RegierungsBezirk.choices),
        db_persist=True,
        verbose_name=_("Regierungsbezirk"),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(50), MaxValueValidator(53)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(5), MaxValueValidator(10)],
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area in km²"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = MunicipalityManager()
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = [german("name"), "ags"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ags__regex=AGS_PATTERN),
                name="municipality_ags_format",
                violation_error_message=ags_validator.message,
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=50, latitude__lte=53)
                & models.Q(longitude__gte=5, longitude__lte=10),
                name="municipality_coordinates_in_nrw",
                violation_error_message=_("The coordinates lie outside North Rhine-Westphalia."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_plain("municipalities:detail", slug=self.slug)

    def natural_key(self):
        return (self.ags,)

    def clean(self):
        super().clean()
        if self.ags and self.district_id and not self.ags.startswith(self.district.key):
            raise ValidationError(
                {
                    "district": _(
                        "The key %(ags)s does not belong to the district %(district)s "
                        "(key %(key)s)."
                    )
                    % {"ags": self.ags, "district": self.district, "key": self.district.key}
                }
            )

    @property
    def regierungsbezirk_name(self):
        return RegierungsBezirk(self.regierungsbezirk).label

    @property
    def designated_name(self):
        """The name with its designation, in German, e.g. "Stadt Köln"."""
        prefix = "Stadt" if self.kind == self.Kind.STADT else "Gemeinde"
        return f"{prefix} {self.name}"

    @property
    def index_letter(self):
        return index_letter(self.name)

    def distance_km(self, other):
        return distance_km(self.latitude, self.longitude, other.latitude, other.longitude)


EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi = phi2 - phi1
    dlambda = math.radians(float(lon2) - float(lon1))
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distance_from(municipality, latitude, longitude):
    """A database expression: km from `municipality` to the point in the given fields.

    The same haversine formula as distance_km, for annotating and ordering rows
    by distance in the query (SQLite gets the math functions from Django).
    """

    def radians(value):
        return Radians(Cast(value, FloatField()))

    phi1 = radians(Value(float(municipality.latitude)))
    phi2 = radians(latitude)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = (radians(longitude) - radians(Value(float(municipality.longitude)))) / 2
    a = Power(Sin(half_dphi), 2) + Cos(phi1) * Cos(phi2) * Power(Sin(half_dlambda), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))

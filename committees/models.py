"""Terms, the municipal committees per term, and published state-wide figures.

A committee's official name is not stored: it follows from its kind and its
municipality, and its kind follows from the law in force for its term.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from helpers.collation import german
from helpers.history import TranslatedHistoricalRecords as HistoricalRecords
from helpers.similarity import typo_of
from helpers.text import spelling_of
from helpers.timestamps import Timestamped
from helpers.urls import reverse_plain
from municipalities.models import Municipality, RegierungsBezirk, distance_from

# § 27 GO NRW as amended in July 2025: from the term that starts on this day
# the bodies are called "Ausschuss für Chancengerechtigkeit und Integration".
RENAME_DATE = datetime.date(2025, 11, 1)


class CommitteeKind(models.TextChoices):
    AUSLAENDERBEIRAT = "auslaenderbeirat", _("foreigners' advisory council")
    INTEGRATIONSRAT = "integrationsrat", _("integration council")
    INTEGRATIONSAUSSCHUSS = "integrationsausschuss", _("integration committee")
    CHANCENGERECHTIGKEIT = (
        "chancengerechtigkeit",
        _("committee for equal opportunity and integration"),
    )


# The official German titles; a name is official, so it is not translated.
OFFICIAL_TITLES = {
    CommitteeKind.AUSLAENDERBEIRAT: "Ausländerbeirat",
    CommitteeKind.INTEGRATIONSRAT: "Integrationsrat",
    CommitteeKind.INTEGRATIONSAUSSCHUSS: "Integrationsausschuss",
    CommitteeKind.CHANCENGERECHTIGKEIT: "Ausschuss für Chancengerechtigkeit und Integration",
}


def kinds_for_term_start(start):
    """The kinds of body the law allowed for a term beginning on `start`."""
    if start >= RENAME_DATE:
        return [CommitteeKind.CHANCENGERECHTIGKEIT]
    return [
        CommitteeKind.AUSLAENDERBEIRAT,
        CommitteeKind.INTEGRATIONSRAT,
        CommitteeKind.INTEGRATIONSAUSSCHUSS,
    ]


def official_name(kind, municipality):
    """E.g. "Ausschuss für Chancengerechtigkeit und Integration der Stadt Köln"."""
    return f"{OFFICIAL_TITLES[kind]} der {municipality.designated_name}"


class TermQuerySet(models.QuerySet):
    def on(self, day):
        return self.filter(start__lte=day, end__gte=day)

    def current(self):
        """The term running today, or else the latest one that has started."""
        today = timezone.localdate()
        return self.on(today).first() or self.filter(start__lte=today).order_by("-start").first()


class TermManager(models.Manager.from_queryset(TermQuerySet)):
    def get_by_natural_key(self, start):
        return self.get(start=start)


class Term(Timestamped):
    """A term of office (Amtsperiode), following the municipal elections."""

    start = models.DateField(_("start"), unique=True)
    end = models.DateField(_("end"))

    objects = TermManager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="term_ends_after_start",
                violation_error_message=_("A term must end after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.start.year}–{self.end.year}"

    def natural_key(self):
        return (self.start.isoformat(),)

    @property
    def slug(self):
        return f"{self.start.year}-{self.end.year}"

    @property
    def allowed_kinds(self):
        return kinds_for_term_start(self.start)

    def clean(self):
        super().clean()
        if self.start and self.end:
            overlapping = Term.objects.filter(start__lte=self.end, end__gte=self.start)
            if self.pk:
                overlapping = overlapping.exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    _("This term overlaps the term %(term)s.") % {"term": overlapping.first()}
                )


def kinds_matching(word):
    """Kinds whose official title or translated label contains the word."""
    lowered = word.casefold()
    return [
        kind
        for kind in CommitteeKind
        if lowered in OFFICIAL_TITLES[kind].casefold() or lowered in str(kind.label).casefold()
    ]


class CommitteeQuerySet(models.QuerySet):
    def for_index(self):
        return self.select_related("municipality__district", "term")

    def in_term(self, term):
        return self.filter(term=term)

    def current(self):
        return self.filter(term=Term.objects.current())

    def members(self):
        return self.filter(is_member=True)

    def matching(self, words):
        """Committees whose town or Kreis, or whose current or a former name, has every word.

        "der" is left out (every official name has it); "Stadt" and "Gemeinde"
        match the municipality's designation.
        """
        query = Q()
        for word in words:
            if word.casefold() == "der":
                continue
            alternatives = spelling_of(
                ["municipality__name", "municipality__district__name"], word
            ) | typo_of("municipality__name", word)
            kinds = kinds_matching(word)
            if kinds:
                named = Committee.objects.filter(
                    municipality=OuterRef("municipality"), kind__in=kinds
                )
                alternatives |= Q(Exists(named))
            if word.casefold() in {"stadt", "gemeinde"}:
                alternatives |= Q(municipality__kind=word.casefold())
            query &= alternatives
        return self.filter(query)

    def exists_in(self, term):
        """Exists(): the municipality of the outer query has a committee in `term`."""
        return Exists(self.in_term(term).filter(municipality=OuterRef("pk")))

    def history_of(self, municipality):
        """The municipality's committee in every term, newest first."""
        history = list(
            self.filter(municipality=municipality).select_related("term").order_by("-term__start")
        )
        for committee in history:
            committee.municipality = municipality
        return history

    def nearest_to(self, municipality, count):
        """The `count` committees nearest to the municipality (but its own), `distance` in km."""
        distance = distance_from(municipality, "municipality__latitude", "municipality__longitude")
        return list(
            self.exclude(municipality=municipality)
            .annotate(distance=distance)
            .order_by("distance", "municipality__name")[:count]
        )

    def by_regierungsbezirk(self):
        """Per Regierungsbezirk: its label, the committees here and all its municipalities."""
        committees = count_by(self, "municipality__regierungsbezirk")
        municipalities = count_by(Municipality.objects.all(), "regierungsbezirk")
        return [
            {
                "label": bezirk.label,
                "committees": committees.get(bezirk.value, 0),
                "municipalities": municipalities.get(bezirk.value, 0),
            }
            for bezirk in RegierungsBezirk
        ]


def count_by(queryset, field):
    """{value of field: number of rows}, in one query."""
    rows = queryset.order_by().values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in rows}


class CommitteeManager(models.Manager.from_queryset(CommitteeQuerySet)):
    def get_by_natural_key(self, ags, term_start):
        return self.get(municipality__ags=ags, term__start=term_start)


class Committee(Timestamped):
    """The committee of one municipality in one term."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="committees",
        verbose_name=_("municipality"),
    )
    term = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="committees", verbose_name=_("term")
    )
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=CommitteeKind.choices,
        help_text=_(
            "From the term starting on 1 November 2025 every such body is a "
            "committee for equal opportunity and integration (§ 27 GO NRW)."
        ),
    )
    is_member = models.BooleanField(
        _("member of the Landesintegrationsrat"),
        default=True,
    )
    seats_elected = models.PositiveSmallIntegerField(
        _("directly elected members"), null=True, blank=True
    )
    seats_delegated = models.PositiveSmallIntegerField(
        _("delegated council members"), null=True, blank=True
    )
    chair_name = models.CharField(
        _("chair"),
        max_length=200,
        blank=True,
        help_text=_("Only if the municipality has published it."),
    )
    contact_office = models.CharField(_("office"), max_length=200, blank=True)
    contact_address = models.TextField(_("address"), blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = CommitteeManager()
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = [german("municipality__name"), "-term__start"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "term"],
                name="one_committee_per_municipality_and_term",
                violation_error_message=_(
                    "This municipality already has a committee in this term."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.official_name} ({self.term})"

    def save(self, *args, **kwargs):
        if not self.kind and self.term_id:
            self.kind = self.term.allowed_kinds[-1]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_plain(
            "committees:detail_term", slug=self.municipality.slug, term=self.term.slug
        )

    def get_current_url(self):
        """The address of the municipality's committee, without a term: the current one."""
        return reverse_plain("committees:detail", slug=self.municipality.slug)

    def natural_key(self):
        return self.municipality.natural_key() + self.term.natural_key()

    natural_key.dependencies = ["municipalities.municipality", "committees.term"]

    @property
    def official_name(self):
        return official_name(self.kind, self.municipality)

    def former_names(self, history):
        """The official names of earlier terms in `history` that differ from this one."""
        names = []
        for item in history:
            name = item.official_name
            if item.term.start < self.term.start and name not in (self.official_name, *names):
                names.append(name)
        return names

    @property
    def seats_total(self):
        if self.seats_elected is None and self.seats_delegated is None:
            return None
        return (self.seats_elected or 0) + (self.seats_delegated or 0)

    @property
    def has_contact(self):
        return any(
            (
                self.contact_office,
                self.contact_address,
                self.contact_email,
                self.contact_phone,
                self.website,
            )
        )

    def clean(self):
        super().clean()
        if self.term_id and self.kind and self.kind not in self.term.allowed_kinds:
            if self.term.start >= RENAME_DATE:
                message = _(
                    "From 1 November 2025 § 27 GO NRW calls this body a committee for "
                    "equal opportunity and integration; choose that kind."
                )
            else:
                message = _(
                    "The name “committee for equal opportunity and integration” applies "
                    "only from the term starting on 1 November 2025."
                )
            raise ValidationError({"kind": message})


class PublishedFigureQuerySet(models.QuerySet):
    def comparisons(self):
        """Bar charts of the figures published for both bodies: title, rows, scale."""
        charts = []
        for metric in (PublishedFigure.Metric.AVERAGE_AGE, PublishedFigure.Metric.WOMEN_SHARE):
            rows = [figure for figure in self if figure.metric == metric]
            if rows:
                charts.append(
                    {
                        "title": capfirst(PublishedFigure.Metric(metric).label),
                        "rows": [(f.get_body_display(), f.value, f.shown) for f in rows],
                        "maximum": 100 if metric == PublishedFigure.Metric.WOMEN_SHARE else None,
                    }
                )
        return charts


class PublishedFigureManager(models.Manager.from_queryset(PublishedFigureQuerySet)):
    def get_by_natural_key(self, term_start, body, metric):
        return self.get(term__start=term_start, body=body, metric=metric)


class PublishedFigure(models.Model):
    """A state-wide figure as published, with its source and date.

    Only aggregates that were published are stored here; the portal never
    stores a person's origin.
    """

    class Body(models.TextChoices):
        COMMITTEES = "committees", _("committees (directly elected members)")
        LANDTAG = "landtag", _("Landtag NRW (for comparison)")

    class Metric(models.TextChoices):
        AVERAGE_AGE = "average_age", _("average age")
        WOMEN_SHARE = "women_share", _("share of seats held by women")
        COUNTRIES = "countries_of_origin", _("countries of origin")

    term = models.ForeignKey(
        Term, on_delete=models.CASCADE, related_name="figures", verbose_name=_("term")
    )
    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    metric = models.CharField(_("figure"), max_length=30, choices=Metric.choices)
    value = models.DecimalField(_("value"), max_digits=6, decimal_places=2)
    is_lower_bound = models.BooleanField(
        _("lower bound"), default=False, help_text=_("Published as “more than” the value.")
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source link"), blank=True)
    as_of = models.DateField(_("as of"))

    objects = PublishedFigureManager()

    class Meta:
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        ordering = ["term", "metric", "body"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "body", "metric"],
                name="one_figure_per_term_body_metric",
                violation_error_message=_("This figure has already been entered for the term."),
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0)
                & (~models.Q(metric="women_share") | models.Q(value__lte=100)),
                name="figure_value_in_range",
                violation_error_message=_("A share lies between 0 and 100 per cent."),
            ),
        ]

    def __str__(self):
        return f"{self.get_metric_display()}, {self.get_body_display()}, {self.term}"

    def natural_key(self):
        return self.term.natural_key() + (self.body, self.metric)

    natural_key.dependencies = ["committees.term"]

    @property
    def shown(self):
        """The value as published, in the reader's number format: "43,15 %"."""
        number = number_format(self.value.normalize() if self.value % 1 else int(self.value))
        if self.metric == self.Metric.AVERAGE_AGE:
            text = gettext("%(value)s years") % {"value": number}
        elif self.metric == self.Metric.WOMEN_SHARE:
            text = f"{number}\u00a0%"
        else:
            text = number
        if self.is_lower_bound:
            text = gettext("more than %(value)s") % {"value": text}
        return text

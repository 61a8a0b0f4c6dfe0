"""Topics, statements of the association and the Landtag papers they refer to."""

import hashlib

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from helpers.choices import choice_label
from helpers.dates import local_date
from helpers.history import TranslatedHistoricalRecords as HistoricalRecords
from helpers.managers import SlugManager
from helpers.timestamps import Timestamped
from helpers.urls import reverse_plain

from .bodytext import is_html, render_body, sanitize_body
from .references import MAX_NUMBER, MAX_TERM, Reference, format_reference
from .validators import validate_pdf, validate_pdf_size

# Slugs that name other pages under /stellungnahmen/ and so cannot be a statement.
RESERVED_SLUGS = ("drucksachen", "themen", "suche", "feed", "anhoerungen", "vorschau", "anhaenge")


class TopicQuerySet(models.QuerySet):
    def for_index(self):
        """Every topic with the number of its published statements and of its papers."""
        published = Q(statements__status="published", statements__published_at__lte=timezone.now())
        return self.annotate(
            statement_count=models.Count("statements", filter=published, distinct=True),
            paper_count=models.Count("papers", distinct=True),
        )


class Topic(models.Model):
    """A theme the committees work on (seed 000), e.g. anti-discrimination."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugManager.from_queryset(TopicQuerySet)()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_plain("statements:topic", slug=self.slug)

    def get_feed_url(self):
        return reverse("statements:topic_feed", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class Originator(models.Model):
    """Who tabled a paper: a parliamentary group (Fraktion) or the state government."""

    class Kind(models.TextChoices):
        PARLIAMENTARY_GROUP = "fraktion", _("parliamentary group")
        GOVERNMENT = "landesregierung", _("state government")
        OTHER = "other", _("other")

    name = models.CharField(
        _("name"), max_length=100, help_text=_("As the Landtag writes it, e.g. CDU or GRÜNE.")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    objects = SlugManager()

    class Meta:
        verbose_name = _("originator")
        verbose_name_plural = _("originators")
        ordering = ["kind", "name"]

    def __str__(self):
        if self.kind == self.Kind.PARLIAMENTARY_GROUP:
            return _("%(name)s parliamentary group") % {"name": self.name}
        return self.name

    def get_absolute_url(self):
        return reverse("statements:paper_index") + f"?originator={self.slug}"

    def natural_key(self):
        return (self.slug,)


class PaperKind(models.TextChoices):
    ANTRAG = "antrag", _("motion (Antrag)")
    ENTSCHLIESSUNGSANTRAG = "entschliessungsantrag", _("resolution motion (Entschließungsantrag)")
    GESETZENTWURF = "gesetzentwurf", _("bill (Gesetzentwurf)")
    BESCHLUSSEMPFEHLUNG = "beschlussempfehlung", _("recommendation for a decision")
    KLEINE_ANFRAGE = "kleine_anfrage", _("minor interpellation (Kleine Anfrage)")
    GROSSE_ANFRAGE = "grosse_anfrage", _("major interpellation (Große Anfrage)")
    STELLUNGNAHME = "stellungnahme", _("written statement (Stellungnahme)")
    UNTERRICHTUNG = "unterrichtung", _("briefing (Unterrichtung)")


# The stored search text and vector are long and only the search reads them,
# in the database; lists and pages leave them out.
SEARCH_INDEX_FIELDS = ("search_text", "search_vector")


class PaperQuerySet(models.QuerySet):
    def shown(self):
        """Without the columns of the search index."""
        return self.defer(*SEARCH_INDEX_FIELDS)

    def for_index(self):
        """With `originator_list`; for lists (see Statement.topic_list on why lists)."""
        return self.shown().prefetch_related(Prefetch("originators", to_attr="originator_list"))

    def for_detail(self):
        return self.shown().prefetch_related(
            "originators",
            "topics",
            Prefetch("refers_to", queryset=Paper.objects.shown().order_by("term", "number")),
            Prefetch("referred_by", queryset=Paper.objects.shown().order_by("term", "number")),
            Prefetch(
                "hearings", queryset=Hearing.objects.select_related("committee").order_by("date")
            ),
            Prefetch("statements", queryset=Statement.objects.published().for_list()),
        )

    def with_reference(self, reference):
        return self.filter(term=reference.term, number=reference.number)

    def references(self):
        """Only what a list needs to show a paper's reference and link to it, in order."""
        return self.only("term", "number").order_by("term", "number")


class PaperManager(models.Manager.from_queryset(PaperQuerySet)):
    def get_by_natural_key(self, term, number):
        return self.get(term=term, number=number)


class Paper(Timestamped):
    """A printed paper (Drucksache) of the Landtag NRW, e.g. 17/1356."""

    term = models.PositiveSmallIntegerField(
        _("term of the Landtag"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TERM)],
        help_text=_("Wahlperiode, e.g. 17 for 2017–2022."),
    )
    number = models.PositiveIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(MAX_NUMBER)]
    )
    kind = models.CharField(_("kind"), max_length=30, choices=PaperKind.choices)
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("In our own words."))
    originators = models.ManyToManyField(
        Originator, related_name="papers", blank=True, verbose_name=_("originators")
    )
    refers_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="referred_by",
        blank=True,
        verbose_name=_("refers to"),
        help_text=_("E.g. the motion a resolution motion is tabled on."),
    )
    topics = models.ManyToManyField(
        Topic, related_name="papers", blank=True, verbose_name=_("topics")
    )
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PaperManager()
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Landtag paper")
        verbose_name_plural = _("Landtag papers")
        ordering = ["-term", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "number"],
                name="paper_unique_reference",
                violation_error_message=_("A Landtag paper with this reference already exists."),
            ),
            models.CheckConstraint(
                condition=Q(term__gte=1, term__lte=MAX_TERM)
                & Q(number__gte=1, number__lte=MAX_NUMBER),
                name="paper_reference_in_range",
                violation_error_message=_("The term or number of the paper is out of range."),
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse_plain("statements:paper", term=self.term, number=self.number)

    def get_kind_display(self):
        return choice_label(PaperKind, self.kind)

    @cached_property
    def originator_list(self):
        """The originators as a list (see Statement.topic_list); for_index() reads them at once."""
        return list(self.originators.all())

    def natural_key(self):
        return (self.term, self.number)

    @property
    def reference(self):
        return format_reference(self.term, self.number)

    @property
    def archive_url(self):
        return Reference(self.term, self.number).archive_url


class LandtagCommittee(Timestamped):
    """A committee of the Landtag NRW, e.g. its integration committee."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = SlugManager()

    class Meta:
        verbose_name = _("Landtag committee")
        verbose_name_plural = _("Landtag committees")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("statements:landtag_committee", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class HearingManager(models.Manager):
    def get_by_natural_key(self, committee_slug, date):
        return self.get(committee__slug=committee_slug, date=date)


class Hearing(Timestamped):
    """A hearing (Anhörung) of a Landtag committee on one or more papers."""

    committee = models.ForeignKey(
        LandtagCommittee,
        on_delete=models.PROTECT,
        related_name="hearings",
        verbose_name=_("Landtag committee"),
    )
    date = models.DateField(_("date"))
    papers = models.ManyToManyField(
        Paper, related_name="hearings", blank=True, verbose_name=_("papers dealt with")
    )

    objects = HearingManager()
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date"],
                name="one_hearing_per_committee_and_day",
                violation_error_message=_("This committee already has a hearing on this day."),
            )
        ]

    def __str__(self):
        return _("Hearing of the %(committee)s on %(date)s") % {
            "committee": self.committee,
            "date": local_date(self.date),
        }

    def get_absolute_url(self):
        return reverse_plain(
            "statements:hearing", slug=self.committee.slug, date=self.date.isoformat()
        )

    def natural_key(self):
        return (self.committee.slug, self.date.isoformat())

    natural_key.dependencies = ["statements.landtagcommittee"]


class StatementQuerySet(models.QuerySet):
    def published(self):
        """Only what the public may see: published, with a publication time not in the future."""
        return self.filter(status=Statement.Status.PUBLISHED, published_at__lte=timezone.now())

    def with_sort_date(self):
        return self.annotate(sort_date=Coalesce("date", "hearing__date"))

    def for_list(self):
        """Newest first (by the statement's date, else its hearing's), with what lists show.

        The topics and papers come as `topic_list` and `paper_list`.
        """
        return (
            self.with_sort_date()
            .defer(*SEARCH_INDEX_FIELDS)
            .select_related("hearing__committee")
            .prefetch_related(
                Prefetch("topics", to_attr="topic_list"),
                Prefetch("papers", queryset=Paper.objects.references(), to_attr="paper_list"),
            )
            .order_by(models.F("sort_date").desc(nulls_last=True), "-published_at", "-pk")
        )

    def for_detail(self):
        return (
            self.defer(*SEARCH_INDEX_FIELDS)
            .select_related("hearing__committee")
            .prefetch_related(
                "topics",
                "attachments",
                Prefetch("papers", queryset=Paper.objects.for_index().order_by("term", "number")),
            )
        )

    def on_topic(self, topic):
        return self.filter(topics=topic)

    def in_year(self, year):
        return self.with_sort_date().filter(sort_date__year=year)

    def on_papers(self, papers):
        """Statements that refer to any of `papers` (a Paper queryset), without duplicates."""
        return self.filter(
            Exists(
                Statement.papers.through.objects.filter(statement=OuterRef("pk"), paper__in=papers)
            )
        )


class Statement(Timestamped):
    """A written statement (Stellungnahme) of the Landesintegrationsrat."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("permalink"),
        max_length=120,
        unique=True,
        help_text=_("The address of the statement; it cannot be changed once it is published."),
    )
    date = models.DateField(
        _("date of the statement"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )
    summary = models.TextField(_("summary"), help_text=_("A few sentences in plain language."))
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Plain text: an empty line starts a new paragraph, lines beginning with “- ” or "
            "“1. ” make a list, **bold**, *italic*, “## ” a heading, [text](https://…) a "
            "link. Text in HTML works too. Other formatting is removed."
        ),
    )
    papers = models.ManyToManyField(
        Paper, related_name="statements", blank=True, verbose_name=_("Landtag papers")
    )
    hearing = models.ForeignKey(
        Hearing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("hearing"),
    )
    topics = models.ManyToManyField(
        Topic, related_name="statements", blank=True, verbose_name=_("topics")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published on"),
        null=True,
        blank=True,
        help_text=_("Set when the statement is published; a future time delays publication."),
    )
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SlugManager.from_queryset(StatementQuerySet)()
    # Who changed what and when, shown in the admin (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="statement_published_has_date",
                violation_error_message=_("A published statement needs a publication date."),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SLUGS),
                name="statement_slug_not_reserved",
                violation_error_message=_("This permalink is reserved for another page."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if is_html(self.body):
            # HTML is stored clean; Markdown is kept as typed and sanitised when shown.
            self.body = sanitize_body(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_plain("statements:detail", slug=self.slug)

    # Lists of statements read the topics and papers of all their rows at
    # once into these lists (StatementQuerySet.for_list). Django's prefetch
    # into `topics.all()` built a queryset for each row, which cost more than
    # the query itself; a plain list is read as is.
    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @cached_property
    def paper_list(self):
        return list(self.papers.order_by("term", "number"))

    def natural_key(self):
        return (self.slug,)

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @cached_property
    def body_html(self):
        # Sanitised by nh3 (statements.bodytext): only the allowed tags and attributes remain.
        return mark_safe(render_body(self.body))  # noqa: S308  # nosec B308 B703

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This permalink is reserved for another page.")})
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()


def attachment_path(instance, filename):
    return f"statements/{timezone.now():%Y}/{filename}"


class Attachment(Timestamped):
    """A PDF belonging to a statement, e.g. the statement as sent to the Landtag."""

    statement = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("statement"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("PDF file"),
        upload_to=attachment_path,
        validators=[validate_pdf_size, validate_pdf],
        help_text=_("A PDF document; the size limit is set by STATEMENTS_MAX_ATTACHMENT_MB."),
    )
    size = models.PositiveIntegerField(_("size in bytes"), editable=False, default=0)
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, editable=False, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            digest = hashlib.sha256()
            self.file.seek(0)
            for chunk in self.file.chunks():
                digest.update(chunk)
            self.file.seek(0)
            self.sha256 = digest.hexdigest()
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("statements:attachment", kwargs={"slug": self.statement.slug, "pk": self.pk})

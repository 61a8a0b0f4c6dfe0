"""Keep the OParl interface's `modified` times and tombstones true to the data.

Deletions leave a tombstone; a change to a many-to-many link (papers of a
hearing, related papers, papers of a statement) moves `modified` on both sides,
since each side shows the link.
"""

from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver

from committees.models import Committee, Term
from helpers.timestamps import Timestamped
from statements.models import Attachment, Hearing, LandtagCommittee, Paper, Statement

from .models import Tombstone

Kind = Tombstone.Kind
LANDTAG = "landtag"
LIR = "lir"


def consultation_key(hearing_pk, paper_pk):
    return f"{hearing_pk}-{paper_pk}"


@receiver(pre_delete, sender=Committee, dispatch_uid="opendata_committee_deleted")
def committee_deleted(sender, instance, **kwargs):
    municipality = instance.municipality
    Tombstone.bury(Kind.COMMITTEE, instance.pk, municipality.ags, instance.created)
    if not municipality.committees.exclude(pk=instance.pk).exists():
        Tombstone.bury(Kind.BODY, municipality.ags, "", municipality.created)


@receiver(post_save, sender=Committee, dispatch_uid="opendata_committee_saved")
def committee_saved(sender, instance, created, raw=False, **kwargs):
    if created:
        Tombstone.revive(Kind.BODY, instance.municipality.ags)


@receiver(pre_delete, sender=Term, dispatch_uid="opendata_term_deleted")
def term_deleted(sender, instance, **kwargs):
    Tombstone.bury(Kind.TERM, instance.pk, "", instance.created)


@receiver(pre_delete, sender=LandtagCommittee, dispatch_uid="opendata_landtag_committee_deleted")
def landtag_committee_deleted(sender, instance, **kwargs):
    Tombstone.bury(Kind.LANDTAG_COMMITTEE, instance.pk, LANDTAG, instance.created)


@receiver(pre_delete, sender=Paper, dispatch_uid="opendata_paper_deleted")
def paper_deleted(sender, instance, **kwargs):
    Tombstone.bury(Kind.PAPER, instance.pk, LANDTAG, instance.created)
    for hearing in instance.hearings.all():
        Tombstone.bury(
            Kind.CONSULTATION, consultation_key(hearing.pk, instance.pk), LANDTAG, hearing.created
        )
        hearing.touch()


@receiver(pre_delete, sender=Hearing, dispatch_uid="opendata_hearing_deleted")
def hearing_deleted(sender, instance, **kwargs):
    Tombstone.bury(Kind.MEETING, instance.pk, LANDTAG, instance.created)
    for paper in instance.papers.all():
        Tombstone.bury(
            Kind.CONSULTATION, consultation_key(instance.pk, paper.pk), LANDTAG, instance.created
        )
        paper.touch()


def was_published(statement):
    """Published once: publishing sets `published_at`, and it stays when withdrawn."""
    return statement.published_at is not None


@receiver(pre_delete, sender=Statement, dispatch_uid="opendata_statement_deleted")
def statement_deleted(sender, instance, **kwargs):
    if was_published(instance):
        Tombstone.bury(Kind.STATEMENT, instance.pk, LIR, instance.created)


@receiver(post_save, sender=Statement, dispatch_uid="opendata_statement_saved")
def statement_saved(sender, instance, raw=False, **kwargs):
    """A statement taken back to draft disappears from the interface as a tombstone."""
    attachments = list(instance.attachments.all()) if instance.pk else []
    if instance.is_public:
        Tombstone.revive(Kind.STATEMENT, instance.pk)
        for attachment in attachments:
            Tombstone.revive(Kind.FILE, attachment.pk)
    elif instance.status == Statement.Status.DRAFT and was_published(instance):
        Tombstone.bury(Kind.STATEMENT, instance.pk, LIR, instance.created)
        for attachment in attachments:
            Tombstone.bury(Kind.FILE, attachment.pk, LIR, attachment.created)


@receiver(pre_delete, sender=Attachment, dispatch_uid="opendata_attachment_deleted")
def attachment_deleted(sender, instance, **kwargs):
    statement = Statement.objects.filter(pk=instance.statement_id).first()
    if statement is not None and was_published(statement):
        Tombstone.bury(Kind.FILE, instance.pk, LIR, instance.created)
        statement.touch()


@receiver(post_save, sender=Attachment, dispatch_uid="opendata_attachment_saved")
def attachment_saved(sender, instance, raw=False, **kwargs):
    """The statement embeds its files, so it changes with them."""
    if not raw:
        Statement.objects.filter(pk=instance.statement_id).first().touch()


def touch_both_sides(instance, model, pk_set, action):
    if not action.startswith("post_") and action != "pre_clear":
        return
    if isinstance(instance, Timestamped):
        instance.touch()
    if pk_set and issubclass(model, Timestamped):
        for item in model._default_manager.filter(pk__in=pk_set):
            item.touch()


@receiver(m2m_changed, sender=Hearing.papers.through, dispatch_uid="opendata_hearing_papers")
def hearing_papers_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action == "pre_clear":
        # Who is linked is only known before the links go.
        pk_set = set(
            (instance.hearings if reverse else instance.papers).values_list("pk", flat=True)
        )
    pairs = [(p, instance.pk) if reverse else (instance.pk, p) for p in (pk_set or ())]
    for hearing_pk, paper_pk in pairs:
        key = consultation_key(hearing_pk, paper_pk)
        if action == "post_add":
            Tombstone.revive(Kind.CONSULTATION, key)
        elif action in ("post_remove", "pre_clear"):
            hearing = Hearing.objects.get(pk=hearing_pk)
            Tombstone.bury(Kind.CONSULTATION, key, LANDTAG, hearing.created)
    touch_both_sides(instance, model, pk_set, action)


@receiver(m2m_changed, sender=Paper.refers_to.through, dispatch_uid="opendata_related_papers")
@receiver(m2m_changed, sender=Statement.papers.through, dispatch_uid="opendata_statement_papers")
def links_changed(sender, instance, action, model, pk_set, **kwargs):
    if action == "pre_clear":
        return
    touch_both_sides(instance, model, pk_set, action)

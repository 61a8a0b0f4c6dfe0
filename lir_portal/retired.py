"""Records that earlier versions of the fixtures loaded although no source backs them.

Up to November 2026 the fixtures held a 2020–2025 term with an
"Integrationsrat" in each of the 113 towns of today's list, a "Volkshochschule
<town>" in each of them, and three example seminars among the real data. No
source lists the bodies of that term or names those Volkshochschulen, and the
examples belong to the demo data set now. `load_portal_data` removes what is
left of them, but never a record that someone added or changed in the admin
(the admin's log says so) or that real data depends on.
"""

import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Cast

from committees.models import Committee, CommitteeKind, Term
from qualification.models import Registration, Seminar, SeminarSession, VhsAccount, Volkshochschule

INVENTED_TERM = (datetime.date(2020, 11, 1), datetime.date(2025, 10, 31))
OLD_EXAMPLE_VHS = ("vhs-koeln", "vhs-bielefeld", "vhs-dortmund")
OLD_EXAMPLE_COURSE = "BEISPIEL-1"


def edited_in_admin(model):
    """A condition: the admin's log has an entry (added, changed) for the record."""
    return Exists(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), output_field=LogEntry._meta.get_field("object_id")),
        )
    )


def _blank(*fields):
    query = Q()
    for field in fields:
        query &= Q(**{field: ""}) | Q(**{f"{field}__isnull": True})
    return query


def invented_committees():
    return Committee.objects.filter(
        _blank(
            "chair_name",
            "contact_office",
            "contact_address",
            "contact_email",
            "contact_phone",
            "website",
            "note_de",
            "note_en",
            "note_tr",
            "note_ar",
        ),
        term__start=INVENTED_TERM[0],
        kind=CommitteeKind.INTEGRATIONSRAT,
        seats_elected__isnull=True,
        seats_delegated__isnull=True,
    ).exclude(edited_in_admin(Committee))


def old_example_seminars():
    return Seminar.objects.filter(
        is_example=True, vhs__slug__in=OLD_EXAMPLE_VHS, course_number=OLD_EXAMPLE_COURSE
    ).exclude(edited_in_admin(Seminar))


def invented_volkshochschulen():
    """ "Volkshochschule <town>" records as the old fixture made them, unused since."""
    other_seminars = Seminar.objects.filter(vhs=OuterRef("pk")).exclude(
        pk__in=old_example_seminars().values("pk")
    )
    candidates = (
        Volkshochschule.objects.filter(
            _blank("street", "postcode", "town", "contact_person", "email", "phone", "website"),
            slug__startswith="vhs-",
            is_example=False,
        )
        .exclude(edited_in_admin(Volkshochschule))
        .exclude(Exists(other_seminars))
        .exclude(Exists(VhsAccount.objects.filter(vhs=OuterRef("pk"))))
        .select_related("municipality")
    )
    return [vhs for vhs in candidates if vhs.name == f"Volkshochschule {vhs.municipality.name}"]


def remove_invented_records():
    """Delete them; returns {what: how many}. Run inside a transaction."""
    removed = {}
    committees = invented_committees()
    removed["committees of 2020–2025"] = committees.count()
    committees.delete()
    term = Term.objects.filter(
        start=INVENTED_TERM[0], end=INVENTED_TERM[1], committees__isnull=True, figures__isnull=True
    ).exclude(edited_in_admin(Term))
    removed["term 2020–2025"] = term.count()
    term.delete()
    seminars = old_example_seminars()
    # Registrations for seminars that never took place: nobody keeps a seat there.
    Registration.objects.filter(seminar__in=seminars).delete()
    SeminarSession.objects.filter(seminar__in=seminars).delete()
    removed["example seminars"] = seminars.count()
    seminars.delete()
    volkshochschulen = invented_volkshochschulen()
    removed["Volkshochschulen"] = len(volkshochschulen)
    Volkshochschule.objects.filter(pk__in=[vhs.pk for vhs in volkshochschulen]).delete()
    return removed

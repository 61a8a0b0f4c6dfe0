"""The OParl 1.1 objects of the portal.

Three kinds of body: one per municipality that has or had a committee (its
committees per term are Organizations, the terms LegislativeTerms), the
Landtag Nordrhein-Westfalen (its papers, its committees' hearings as Meetings,
Consultations linking papers and hearings) and the Landesintegrationsrat (its
published statements as Papers with their PDFs as Files).

Every id is an absolute URL under settings.SITE_URL that answers the object
itself; it does not depend on the page language. Links to the portal's pages
(`web`) are the German ones.
"""

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Min, Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone, translation

from committees.models import OFFICIAL_TITLES, Committee, Term
from municipalities.models import Municipality
from statements.models import Attachment, Hearing, LandtagCommittee, Paper, Statement

from .models import Tombstone

OPARL_VERSION = "https://schema.oparl.org/1.1/"
# When this portal began to publish OParl: the creation time of the objects
# that are not records of their own (the System and the two fixed bodies).
OPARL_SINCE = datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)
LANDTAG = "landtag"
LIR = "lir"
DL_DE_BY_2_0 = "https://www.govdata.de/dl-de/by-2-0"

# The lists of a body, by the name in their URL and the Body property naming them.
BODY_LISTS = {
    "organization": "organizations",
    "person": "persons",
    "meeting": "meetings",
    "paper": "papers",
    "agendaItem": "agenda-items",
    "consultation": "consultations",
    "file": "files",
    "locationList": "locations",
    "legislativeTermList": "legislative-terms",
    "membership": "memberships",
}


def api_url(*parts):
    path = "/".join(str(part) for part in parts)
    return f"{settings.SITE_URL}/oparl/v1/{path}/" if path else f"{settings.SITE_URL}/oparl/v1/"


def type_of(name):
    return f"{OPARL_VERSION}{name}"


def web(obj_or_path):
    """The absolute address of a page of the portal, in German."""
    with translation.override("de"):
        path = obj_or_path if isinstance(obj_or_path, str) else obj_or_path.get_absolute_url()
    return f"{settings.SITE_URL}{path}"


def stamp(value):
    return value.isoformat() if value else None


def times(created, modified):
    return {"created": stamp(created), "modified": stamp(max(created, modified))}


class NotFound(Exception):
    pass


@dataclass
class Item:
    """One object of a list: its times for the filters, and how to render it.

    `related` are the lookups `render` needs read for `obj` (prefetch_related);
    they are read only for the items a page shows (`prepare`).
    """

    created: datetime.datetime
    modified: datetime.datetime
    render: Any
    obj: Any = None
    related: tuple = ()


def prepare(items):
    """Read the related objects of the items a page shows: one query per lookup."""
    groups = {}
    for item in items:
        if item.related:
            groups.setdefault(item.related, []).append(item.obj)
    for related, objects in groups.items():
        prefetch_related_objects(objects, *related)


# --- System and bodies -----------------------------------------------------------


def association_license():
    return settings.OPEN_DATA_LICENSE_URL or None


def system():
    data = {
        "id": api_url(),
        "type": type_of("System"),
        "oparlVersion": OPARL_VERSION,
        "body": api_url("bodies"),
        "name": "LIR-Portal des Landesintegrationsrats NRW",
        "website": web(reverse_de("home")),
        "web": web(reverse_de("home")),
        "created": stamp(OPARL_SINCE),
        "modified": stamp(OPARL_SINCE),
    }
    if association_license():
        data["license"] = association_license()
    return data


def reverse_de(name, **kwargs):
    with translation.override("de"):
        return reverse(name, kwargs=kwargs or None)


def body_lists(key):
    return {prop: api_url("body", key, path) for prop, path in BODY_LISTS.items()}


def fixed_body(key, name, short_name, classification, web_url, website, terms, modified):
    data = {
        "id": api_url("body", key),
        "type": type_of("Body"),
        "system": api_url(),
        "name": name,
        "shortName": short_name,
        "classification": classification,
        "website": website,
        "web": web_url,
        **body_lists(key),
        "legislativeTerm": terms,
        "oparlSince": stamp(OPARL_SINCE),
        **times(OPARL_SINCE, modified or OPARL_SINCE),
    }
    if association_license():
        data["license"] = association_license()
    return data


def landtag_terms():
    """The Landtag's Wahlperioden that papers of the portal belong to, with their times."""
    rows = (
        Paper.objects.order_by()
        .values("term")
        .annotate(first=Min("created"), last=Max("modified"))
        .order_by("term")
    )
    return {row["term"]: (row["first"], row["last"]) for row in rows}


def landtag_term(number, first, last, embedded=False):
    data = {
        "id": api_url("landtag-term", number),
        "type": type_of("LegislativeTerm"),
        "name": f"{number}. Wahlperiode des Landtags Nordrhein-Westfalen",
        **times(first, last),
    }
    if not embedded:
        data["body"] = api_url("body", LANDTAG)
    return data


def landtag_body():
    terms = landtag_terms()
    embedded = [landtag_term(n, *span, embedded=True) for n, span in terms.items()]
    latest = max((span[1] for span in terms.values()), default=None)
    return fixed_body(
        LANDTAG,
        "Landtag Nordrhein-Westfalen",
        "Landtag NRW",
        "Landesparlament",
        web(reverse_de("statements:paper_index")),
        "https://www.landtag.nrw.de/",
        embedded,
        latest,
    )


def lir_body():
    return fixed_body(
        LIR,
        "Landesintegrationsrat NRW",
        "LIR NRW",
        "Landesverband der kommunalen Integrationsgremien",
        web(reverse_de("statements:index")),
        web(reverse_de("home")),
        [],
        None,
    )


def municipal_bodies():
    """Municipalities that have or had a committee, with their terms and latest change."""
    return (
        Municipality.objects.filter(committees__isnull=False)
        .distinct()
        .annotate(last_committee=Max("committees__modified"))
        .prefetch_related(
            Prefetch(
                "committees",
                queryset=Committee.objects.select_related("term"),
                to_attr="committees_by_term",
            )
        )
    )


def municipal_term(term, embedded=False):
    return {
        "id": api_url("term", term.pk),
        "type": type_of("LegislativeTerm"),
        "name": f"Amtsperiode {term}",
        "startDate": term.start.isoformat(),
        "endDate": term.end.isoformat(),
        **times(term.created, term.modified),
    }


def municipal_body(municipality):
    terms = sorted({c.term for c in municipality.committees_by_term}, key=lambda t: t.start)
    modified = max(
        [municipality.modified, municipality.last_committee, *(t.modified for t in terms)]
    )
    data = {
        "id": api_url("body", municipality.ags),
        "type": type_of("Body"),
        "system": api_url(),
        "name": municipality.designated_name,
        "shortName": municipality.name,
        "ags": municipality.ags,
        "classification": "Stadt" if municipality.kind == Municipality.Kind.STADT else "Gemeinde",
        "web": web(municipality),
        "license": DL_DE_BY_2_0,
        **body_lists(municipality.ags),
        "legislativeTerm": [municipal_term(t, embedded=True) for t in terms],
        "oparlSince": stamp(OPARL_SINCE),
        **times(municipality.created, modified),
    }
    if municipality.website:
        data["website"] = municipality.website
    return data


def body_items():
    items = [
        Item(OPARL_SINCE, OPARL_SINCE, landtag_body),
        Item(OPARL_SINCE, OPARL_SINCE, lir_body),
    ]
    # The fixed bodies change when a new Wahlperiode appears.
    latest_paper = Paper.objects.aggregate(last=Max("created"))["last"]
    if latest_paper and latest_paper > OPARL_SINCE:
        items[0].modified = latest_paper
    for municipality in municipal_bodies():
        modified = max(municipality.modified, municipality.last_committee)
        items.append(Item(municipality.created, modified, lambda m=municipality: municipal_body(m)))
    return items + tombstone_items(Tombstone.Kind.BODY, body="")


def body(key):
    if key == LANDTAG:
        return landtag_body()
    if key == LIR:
        return lir_body()
    municipality = municipal_bodies().filter(ags=key).first()
    if municipality is None:
        return tombstone_or_404(Tombstone.Kind.BODY, key)
    return municipal_body(municipality)


def is_body(key):
    if key in (LANDTAG, LIR):
        return True
    return (
        Committee.objects.filter(municipality__ags=key).exists()
        or Tombstone.objects.filter(kind=Tombstone.Kind.BODY, key=key).exists()
    )


# --- Organizations ---------------------------------------------------------------


def committee_organization(committee):
    data = {
        "id": api_url("committee", committee.pk),
        "type": type_of("Organization"),
        "body": api_url("body", committee.municipality.ags),
        "name": committee.official_name,
        "shortName": OFFICIAL_TITLES[committee.kind],
        "organizationType": "Gremium",
        "classification": OFFICIAL_TITLES[committee.kind],
        "startDate": committee.term.start.isoformat(),
        "endDate": committee.term.end.isoformat(),
        "membership": [],
        "web": web(committee),
        "keyword": ["Mitglied im Landesintegrationsrat NRW"] if committee.is_member else [],
        **times(committee.created, committee.modified),
    }
    if committee.website:
        data["website"] = committee.website
    return data


def landtag_organization(committee):
    return {
        "id": api_url("landtag-committee", committee.pk),
        "type": type_of("Organization"),
        "body": api_url("body", LANDTAG),
        "name": committee.name,
        "organizationType": "Gremium",
        "classification": "Ausschuss",
        "membership": [],
        "web": web(committee),
        **times(committee.created, committee.modified),
    }


# --- Landtag papers, hearings, consultations ---------------------------------------


# What rendering a paper, a meeting or a statement reads besides its row (built when
# asked: published() depends on the time). A paper's relations come as plain lists
# (to_attr): Django's prefetch into `.all()` built a queryset per paper and relation.
def paper_relations():
    return (
        Prefetch("refers_to", queryset=Paper.objects.only("pk"), to_attr="refers_to_list"),
        Prefetch("referred_by", queryset=Paper.objects.only("pk"), to_attr="referred_by_list"),
        Prefetch(
            "hearings",
            queryset=Hearing.objects.select_related("committee"),
            to_attr="hearing_list",
        ),
        Prefetch(
            "statements",
            queryset=Statement.objects.published().only("pk"),
            to_attr="public_statement_list",
        ),
    )


def hearing_relations():
    return (
        Prefetch("papers", queryset=Paper.objects.only("pk", "created", "modified")),
        Prefetch(
            "statements",
            queryset=Statement.objects.published().prefetch_related("attachments"),
            to_attr="public_statements",
        ),
    )


def statement_relations():
    return ("attachments", "topics", Prefetch("papers", Paper.objects.only("pk")))


def papers_for_oparl(related=True):
    papers = Paper.objects.shown().order_by("term", "number")
    return papers.prefetch_related(*paper_relations()) if related else papers


def hearings_for_oparl(related=True):
    hearings = Hearing.objects.order_by("date", "pk").select_related("committee")
    return hearings.prefetch_related(*hearing_relations()) if related else hearings


def consultation(hearing, paper_pk, embedded=False):
    data = {
        "id": api_url("consultation", f"{hearing.pk}-{paper_pk}"),
        "type": type_of("Consultation"),
        "meeting": api_url("meeting", hearing.pk),
        "organization": [api_url("landtag-committee", hearing.committee_id)],
        "role": "Anhörung",
        "authoritative": False,
        **times(hearing.created, hearing.modified),
    }
    if not embedded:
        data["paper"] = api_url("paper", paper_pk)
    return data


def landtag_paper(paper):
    with translation.override("de"):
        kind = str(paper.get_kind_display())
    related = [api_url("paper", p.pk) for p in [*paper.refers_to_list, *paper.referred_by_list]]
    related += [api_url("statement", s.pk) for s in paper.public_statement_list]
    data = {
        "id": api_url("paper", paper.pk),
        "type": type_of("Paper"),
        "body": api_url("body", LANDTAG),
        "name": paper.title,
        "reference": paper.reference,
        "paperType": kind,
        "relatedPaper": sorted(set(related)),
        "consultation": [consultation(h, paper.pk, embedded=True) for h in paper.hearing_list],
        "web": web(paper),
        **times(paper.created, paper.modified),
    }
    if paper.date:
        data["date"] = paper.date.isoformat()
    return data


def meeting(hearing):
    with translation.override("de"):
        name = str(hearing)
    files = [a for s in hearing.public_statements for a in s.attachments.all()]
    return {
        "id": api_url("meeting", hearing.pk),
        "type": type_of("Meeting"),
        "name": name,
        "organization": [api_url("landtag-committee", hearing.committee_id)],
        "participant": [],
        "agendaItem": [],
        "auxiliaryFile": [file(a, embedded=True) for a in files],
        "keyword": [f"Datum der Anhörung: {hearing.date.isoformat()}"],
        "web": web(hearing),
        **times(hearing.created, hearing.modified),
    }


# --- Statements and their files ----------------------------------------------------


def statements_for_oparl(related=True):
    statements = Statement.objects.published().order_by("published_at", "pk")
    statements = statements.select_related("hearing")
    return statements.prefetch_related(*statement_relations()) if related else statements


def sha512_of(attachment):
    """The SHA-512 checksum OParl 1.1 asks for, computed once per file content."""
    key = f"opendata:sha512:{attachment.pk}:{attachment.sha256}"
    value = cache.get(key)
    if value is None:
        digest = hashlib.sha512()
        try:
            with attachment.file.open("rb") as handle:
                for chunk in handle.chunks():
                    digest.update(chunk)
        except (FileNotFoundError, ValueError, OSError):
            return None
        value = digest.hexdigest()
        cache.set(key, value, None)
    return value


def file(attachment, embedded=False):
    path = reverse_de("statements:attachment", slug=attachment.statement.slug, pk=attachment.pk)
    data = {
        "id": api_url("file", attachment.pk),
        "type": type_of("File"),
        "name": attachment.title,
        "fileName": attachment.file.name.rsplit("/", 1)[-1],
        "mimeType": "application/pdf",
        "size": attachment.size,
        "accessUrl": web(path),
        "downloadUrl": web(path) + "?download=1",
        "web": web(attachment.statement),
        **times(attachment.created, attachment.modified),
    }
    checksum = sha512_of(attachment)
    if checksum:
        data["sha512Checksum"] = checksum
    if association_license():
        data["fileLicense"] = association_license()
    if not embedded:
        data["paper"] = [api_url("statement", attachment.statement_id)]
        if attachment.statement.hearing_id:
            data["meeting"] = [api_url("meeting", attachment.statement.hearing_id)]
    return data


def statement_paper(statement):
    files = list(statement.attachments.all())
    data = {
        "id": api_url("statement", statement.pk),
        "type": type_of("Paper"),
        "body": api_url("body", LIR),
        "name": statement.title_de or statement.title,
        "paperType": "Stellungnahme",
        "relatedPaper": [api_url("paper", p.pk) for p in statement.papers.all()],
        "auxiliaryFile": [file(a, embedded=True) for a in files[1:]],
        "keyword": [topic.name_de or topic.name for topic in statement.topics.all()],
        "web": web(statement),
        **times(statement.created, statement.modified),
    }
    if files:
        data["mainFile"] = file(files[0], embedded=True)
    if statement.date:
        data["date"] = statement.date.isoformat()
    if association_license():
        data["license"] = association_license()
    return data


# --- Lists of a body -----------------------------------------------------------------


def tombstone_items(kind, body):
    return [
        Item(t.created, t.modified, lambda t=t: tombstone(t))
        for t in Tombstone.objects.filter(kind=kind, body=body)
    ]


TOMBSTONE_TYPES = {
    Tombstone.Kind.BODY: "Body",
    Tombstone.Kind.COMMITTEE: "Organization",
    Tombstone.Kind.LANDTAG_COMMITTEE: "Organization",
    Tombstone.Kind.TERM: "LegislativeTerm",
    Tombstone.Kind.PAPER: "Paper",
    Tombstone.Kind.STATEMENT: "Paper",
    Tombstone.Kind.MEETING: "Meeting",
    Tombstone.Kind.CONSULTATION: "Consultation",
    Tombstone.Kind.FILE: "File",
}


def tombstone(entry):
    return {
        "id": api_url(entry.kind, entry.key),
        "type": type_of(TOMBSTONE_TYPES[entry.kind]),
        "deleted": True,
        **times(entry.created, entry.modified),
    }


def tombstone_or_404(kind, key):
    entry = Tombstone.objects.filter(kind=kind, key=str(key)).first()
    if entry is None:
        raise NotFound
    return tombstone(entry)


def items_of(queryset, render, related=()):
    """An Item per row; `related` is read later, for the rows a page shows (prepare)."""
    return [
        Item(obj.created, obj.modified, lambda o=obj: render(o), obj, related) for obj in queryset
    ]


def body_list(key, name):
    """The Items of one list of a body (raises NotFound for an unknown list)."""
    if name not in BODY_LISTS.values():
        raise NotFound
    if key == LANDTAG:
        return landtag_list(name)
    if key == LIR:
        return lir_list(name)
    return municipal_list(key, name)


def landtag_list(name):
    Kind = Tombstone.Kind
    if name == "organizations":
        return items_of(LandtagCommittee.objects.all(), landtag_organization) + tombstone_items(
            Kind.LANDTAG_COMMITTEE, LANDTAG
        )
    if name == "papers":
        papers = items_of(papers_for_oparl(related=False), landtag_paper, paper_relations())
        return papers + tombstone_items(Kind.PAPER, LANDTAG)
    if name == "meetings":
        meetings = items_of(hearings_for_oparl(related=False), meeting, hearing_relations())
        return meetings + tombstone_items(Kind.MEETING, LANDTAG)
    if name == "consultations":
        items = [
            Item(h.created, h.modified, lambda h=h, p=p: consultation(h, p.pk))
            for h in hearings_for_oparl(related=False).prefetch_related(
                Prefetch("papers", queryset=Paper.objects.only("pk"))
            )
            for p in h.papers.all()
        ]
        return items + tombstone_items(Kind.CONSULTATION, LANDTAG)
    if name == "legislative-terms":
        return [
            Item(first, last, lambda n=n, f=first, la=last: landtag_term(n, f, la))
            for n, (first, last) in landtag_terms().items()
        ]
    return []


def lir_list(name):
    Kind = Tombstone.Kind
    if name == "papers":
        statements = statements_for_oparl(related=False)
        papers = items_of(statements, statement_paper, statement_relations())
        return papers + tombstone_items(Kind.STATEMENT, LIR)
    if name == "files":
        attachments = Attachment.objects.filter(
            statement__in=Statement.objects.published()
        ).select_related("statement")
        return items_of(attachments.order_by("pk"), file) + tombstone_items(Kind.FILE, LIR)
    return []


def municipal_list(ags, name):
    if not is_body(ags):
        raise NotFound
    committees = Committee.objects.filter(municipality__ags=ags).select_related(
        "municipality", "term"
    )
    if name == "organizations":
        return items_of(committees.order_by("term__start"), committee_organization) + (
            tombstone_items(Tombstone.Kind.COMMITTEE, ags)
        )
    if name == "legislative-terms":
        terms = Term.objects.filter(committees__municipality__ags=ags).order_by("start")
        return items_of(terms, municipal_term)
    return []


# --- Single objects by id --------------------------------------------------------------


def get_object(kind, key):
    """The object of an id `/oparl/v1/<kind>/<key>/`, or its tombstone; NotFound else."""
    getters = {
        "committee": lambda: committee_organization(
            Committee.objects.select_related("municipality", "term").get(pk=int(key))
        ),
        "landtag-committee": lambda: landtag_organization(
            LandtagCommittee.objects.get(pk=int(key))
        ),
        "term": lambda: {**municipal_term(Term.objects.get(pk=int(key)))},
        "paper": lambda: landtag_paper(papers_for_oparl().get(pk=int(key))),
        "statement": lambda: statement_paper(statements_for_oparl().get(pk=int(key))),
        "meeting": lambda: meeting(hearings_for_oparl().get(pk=int(key))),
        "consultation": lambda: get_consultation(key),
        "file": lambda: file(
            Attachment.objects.select_related("statement")
            .filter(statement__in=Statement.objects.published())
            .get(pk=int(key))
        ),
        "landtag-term": lambda: get_landtag_term(key),
    }
    if kind not in getters:
        raise NotFound
    try:
        return getters[kind]()
    except (
        ValueError,
        NotFound,
        Committee.DoesNotExist,
        LandtagCommittee.DoesNotExist,
        Term.DoesNotExist,
        Paper.DoesNotExist,
        Statement.DoesNotExist,
        Hearing.DoesNotExist,
        Attachment.DoesNotExist,
    ):
        if kind == "landtag-term":
            raise NotFound from None
        return tombstone_or_404(kind, key)


def get_consultation(key):
    hearing_pk, _, paper_pk = key.partition("-")
    hearing = Hearing.objects.filter(pk=int(hearing_pk), papers__pk=int(paper_pk)).first()
    if hearing is None:
        raise NotFound
    return consultation(hearing, int(paper_pk))


def get_landtag_term(key):
    terms = landtag_terms()
    number = int(key)
    if number not in terms:
        raise NotFound
    return landtag_term(number, *terms[number])


def now():
    return timezone.now()

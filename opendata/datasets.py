"""The downloadable data sets: committees, municipalities, Landtag papers, statements.

Each data set is a list of columns (name, Frictionless type, description) and a
function giving its rows in the order the portal's pages use. The same rows
become CSV (UTF-8, comma separated, header line) and JSON (a list of objects),
and the Data Package (`datapackage.json`) describes them with licence and sources.
"""

import csv
import io
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from committees.models import OFFICIAL_TITLES, Committee
from municipalities.models import Municipality
from statements.models import Paper, Statement

from .oparl import api_url, web

GV_SOURCE = {
    "title": (
        "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, "
        "Gebietsstand 31.12.2021"
    ),
    "path": "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/",
}
LIR_SOURCE = {"title": "Landesintegrationsrat NRW (registry and statements of this portal)"}
LANDTAG_SOURCE = {
    "title": "Landtag Nordrhein-Westfalen, Parlamentsdokumentation",
    "path": "https://www.landtag.nrw.de/",
}
DL_DE = {
    "name": "dl-de/by-2-0",
    "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "path": "https://www.govdata.de/dl-de/by-2-0",
}


def association_licence():
    """The licence the office set for the association's own content, or None."""
    if not (settings.OPEN_DATA_LICENSE_NAME or settings.OPEN_DATA_LICENSE_URL):
        return None
    licence = {"title": settings.OPEN_DATA_LICENSE_NAME or settings.OPEN_DATA_LICENSE_URL}
    if settings.OPEN_DATA_LICENSE_URL:
        licence["path"] = settings.OPEN_DATA_LICENSE_URL
    else:
        licence["name"] = settings.OPEN_DATA_LICENSE_NAME
    return licence


def without_demo(queryset):
    """Leave out example records, where the model marks them (`is_example`)."""
    if any(f.name == "is_example" for f in queryset.model._meta.get_fields()):
        return queryset.filter(is_example=False)
    return queryset


@dataclass
class Dataset:
    name: str
    title: object
    description: object
    columns: list
    rows: object
    sources: list
    own_content: bool = True
    third_party: list = field(default_factory=list)

    def licences(self):
        found = [association_licence()] if self.own_content else []
        return [licence for licence in [*found, *self.third_party] if licence]


def committee_rows():
    committees = without_demo(Committee.objects.for_index())
    for c in committees:
        m = c.municipality
        yield {
            "ags": m.ags,
            "municipality": m.name,
            "designation": "Stadt" if m.kind == Municipality.Kind.STADT else "Gemeinde",
            "kreis": m.district.display_name,
            "regierungsbezirk": m.regierungsbezirk_name,
            "committee": c.official_name,
            "kind": OFFICIAL_TITLES[c.kind],
            "term": str(c.term),
            "term_start": c.term.start.isoformat(),
            "term_end": c.term.end.isoformat(),
            "member_of_lir": c.is_member,
            "page": web(c),
            "oparl_id": api_url("committee", c.pk),
        }


def municipality_rows():
    for m in without_demo(Municipality.objects.with_district()):
        yield {
            "ags": m.ags,
            "name": m.name,
            "designation": "Stadt" if m.kind == Municipality.Kind.STADT else "Gemeinde",
            "kreis": m.district.display_name,
            "kreis_key": m.district.key,
            "regierungsbezirk": m.regierungsbezirk_name,
            "population": m.population,
            "area_km2": float(m.area_km2) if m.area_km2 is not None else None,
            "latitude": float(m.latitude),
            "longitude": float(m.longitude),
            "page": web(m),
        }


def paper_rows():
    papers = without_demo(Paper.objects.for_index()).prefetch_related("refers_to")
    for p in papers:
        with translation.override("de"):
            kind = str(p.get_kind_display())
        yield {
            "reference": p.reference,
            "term": p.term,
            "number": p.number,
            "kind": kind,
            "title": p.title,
            "date": p.date.isoformat() if p.date else None,
            "originators": "; ".join(o.name for o in p.originator_list),
            "refers_to": "; ".join(r.reference for r in p.refers_to.all()),
            "page": web(p),
            "landtag_archive": p.archive_url,
            "oparl_id": api_url("paper", p.pk),
        }


def statement_rows():
    statements = without_demo(Statement.objects.published().for_list())
    for s in statements:
        hearing = s.hearing
        yield {
            "title": s.title_de or s.title,
            "date": s.date.isoformat() if s.date else None,
            "published_at": s.published_at.isoformat(),
            "papers": "; ".join(p.reference for p in s.paper_list),
            "hearing_committee": hearing.committee.name if hearing else None,
            "hearing_date": hearing.date.isoformat() if hearing else None,
            "topics": "; ".join(t.name_de or t.name for t in s.topic_list),
            "page": web(s),
            "oparl_id": api_url("statement", s.pk),
        }


def col(name, kind, description):
    return {"name": name, "type": kind, "description": description}


DATASETS = [
    Dataset(
        name="committees",
        title=_("Committees"),
        description=_(
            "Every committee of the registry in every term entered: municipality with its "
            "official key (AGS), Kreis and Regierungsbezirk, official name, kind of body, "
            "term and membership in the Landesintegrationsrat."
        ),
        columns=[
            col("ags", "string", "Amtlicher Gemeindeschlüssel"),
            col("municipality", "string", "Name der Gemeinde"),
            col("designation", "string", "Stadt oder Gemeinde"),
            col("kreis", "string", "Kreis, kreisfreie Stadt oder Städteregion"),
            col("regierungsbezirk", "string", "Regierungsbezirk"),
            col("committee", "string", "Amtlicher Name des Gremiums"),
            col("kind", "string", "Art des Gremiums"),
            col("term", "string", "Amtsperiode"),
            col("term_start", "date", "Beginn der Amtsperiode"),
            col("term_end", "date", "Ende der Amtsperiode"),
            col("member_of_lir", "boolean", "Mitglied im Landesintegrationsrat NRW"),
            col("page", "string", "Seite im LIR-Portal"),
            col("oparl_id", "string", "OParl-Organization"),
        ],
        rows=committee_rows,
        sources=[LIR_SOURCE, GV_SOURCE],
        third_party=[DL_DE],
    ),
    Dataset(
        name="municipalities",
        title=_("Municipalities"),
        description=_(
            "The municipalities of North Rhine-Westphalia from the official municipality "
            "directory: key, name, Kreis, Regierungsbezirk, population, area and position."
        ),
        columns=[
            col("ags", "string", "Amtlicher Gemeindeschlüssel"),
            col("name", "string", "Name der Gemeinde"),
            col("designation", "string", "Stadt oder Gemeinde"),
            col("kreis", "string", "Kreis, kreisfreie Stadt oder Städteregion"),
            col("kreis_key", "string", "Kreisschlüssel"),
            col("regierungsbezirk", "string", "Regierungsbezirk"),
            col("population", "integer", "Bevölkerung am 31.12.2021"),
            col("area_km2", "number", "Fläche in km²"),
            col("latitude", "number", "Geografische Breite (WGS 84)"),
            col("longitude", "number", "Geografische Länge (WGS 84)"),
            col("page", "string", "Seite im LIR-Portal"),
        ],
        rows=municipality_rows,
        sources=[GV_SOURCE],
        own_content=False,
        third_party=[DL_DE],
    ),
    Dataset(
        name="papers",
        title=_("Landtag papers"),
        description=_(
            "The printed papers (Drucksachen) of the Landtag NRW that the portal lists: "
            "reference, kind, title, date when known, originators and the papers they refer to."
        ),
        columns=[
            col("reference", "string", "Drucksachennummer"),
            col("term", "integer", "Wahlperiode"),
            col("number", "integer", "Nummer"),
            col("kind", "string", "Art der Drucksache"),
            col("title", "string", "Titel"),
            col("date", "date", "Datum (leer, wenn unbekannt)"),
            col("originators", "string", "Urheber, durch Semikolon getrennt"),
            col("refers_to", "string", "Bezug auf Drucksachen, durch Semikolon getrennt"),
            col("page", "string", "Seite im LIR-Portal"),
            col("landtag_archive", "string", "Drucksache im Archiv des Landtags"),
            col("oparl_id", "string", "OParl-Paper"),
        ],
        rows=paper_rows,
        sources=[LANDTAG_SOURCE, LIR_SOURCE],
    ),
    Dataset(
        name="statements",
        title=_("Statements"),
        description=_(
            "The published statements of the Landesintegrationsrat: title, date, the Landtag "
            "papers and the hearing they concern, and their topics."
        ),
        columns=[
            col("title", "string", "Titel"),
            col("date", "date", "Datum der Stellungnahme (leer, wenn unbekannt)"),
            col("published_at", "datetime", "Veröffentlicht im LIR-Portal"),
            col("papers", "string", "Drucksachen, durch Semikolon getrennt"),
            col("hearing_committee", "string", "Ausschuss der Anhörung"),
            col("hearing_date", "date", "Datum der Anhörung"),
            col("topics", "string", "Themen, durch Semikolon getrennt"),
            col("page", "string", "Seite im LIR-Portal"),
            col("oparl_id", "string", "OParl-Paper"),
        ],
        rows=statement_rows,
        sources=[LIR_SOURCE],
    ),
]


def by_name(name):
    return next((d for d in DATASETS if d.name == name), None)


def as_csv(dataset):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [c["name"] for c in dataset.columns]
    writer.writerow(names)
    for row in dataset.rows():
        writer.writerow([csv_value(row[name]) for name in names])
    return out.getvalue()


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def as_json(dataset):
    return json.dumps(list(dataset.rows()), ensure_ascii=False, indent=1)


def file_url(name, extension):
    return f"{settings.SITE_URL}/daten/{name}.{extension}"


def datapackage():
    """The Frictionless Data Package of every data set (CSV resources, relative paths)."""
    licences = [licence for licence in [association_licence(), DL_DE] if licence]
    with translation.override("en"):
        resources = []
        for d in DATASETS:
            resource = {
                "name": d.name,
                "path": f"{d.name}.csv",
                "title": str(d.title),
                "description": str(d.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {"fields": d.columns},
                "sources": d.sources,
            }
            if d.licences():
                resource["licenses"] = d.licences()
            resources.append(resource)
        return {
            "name": "lir-nrw-open-data",
            "title": "Landesintegrationsrat NRW – offene Daten",
            "homepage": settings.SITE_URL + "/",
            "profile": "tabular-data-package",
            "licenses": licences,
            "sources": [LIR_SOURCE, GV_SOURCE, LANDTAG_SOURCE],
            "resources": resources,
        }

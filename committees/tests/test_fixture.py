"""The real registry: seed 000's list, with official spellings, in two terms."""

import datetime

import pytest

from committees.models import RENAME_DATE, Committee, CommitteeKind, Term

pytestmark = pytest.mark.django_db

# Seed 000's list of municipalities with a committee from 01.11.2025, written
# as the official municipality directory writes them (the seed has slips such
# as "Ibbenbühren", "Kamp Lintfort" and "Mülheim a.d. Ruhr").
SEED_000 = """
Aachen Ahlen Alsdorf Arnsberg|Bad Oeynhausen|Bad Salzuflen|Baesweiler|Beckum|Bergisch Gladbach
Bergkamen|Bielefeld|Bocholt|Bochum|Bönen|Bonn|Bornheim|Bottrop|Brühl|Burscheid|Castrop-Rauxel
Detmold|Dinslaken|Dormagen|Dorsten|Dortmund|Düren|Düsseldorf|Duisburg|Emmerich am Rhein|Ennepetal
Erftstadt|Erkrath|Eschweiler|Essen|Euskirchen|Frechen|Geldern|Gelsenkirchen|Gevelsberg|Gladbeck
Goch|Greven|Gronau (Westf.)|Gummersbach|Gütersloh|Hagen|Hamm|Hattingen|Heiligenhaus|Herford|Herne
Herten|Herzogenrath|Hiddenhausen|Hilden|Hückelhoven|Hürth|Iserlohn|Ibbenbüren|Jülich|Kaarst|Kamen
Kamp-Lintfort|Kerpen|Kleve|Köln|Krefeld|Kreuztal|Langenfeld (Rheinland)|Leichlingen (Rheinland)
Leverkusen|Lippstadt|Löhne|Lüdenscheid|Lünen|Marl|Meerbusch|Menden (Sauerland)|Mettmann|Minden
Moers|Mönchengladbach|Monheim am Rhein|Mülheim an der Ruhr|Münster|Neuss|Nettetal|Niederkassel
Oberhausen|Paderborn|Pulheim|Ratingen|Recklinghausen|Remscheid|Rheda-Wiedenbrück|Rheine
Sankt Augustin|Schwelm|Schwerte|Siegburg|Siegen|Soest|Solingen|Stolberg (Rhld.)|Troisdorf|Unna
Velbert|Viersen|Wesel|Wesseling|Witten|Wuppertal|Würselen
"""


def seed_names():
    names = []
    for part in SEED_000.replace("\n", "|").split("|"):
        part = part.strip()
        if part.startswith("Aachen "):
            names.extend(part.split(" "))
        elif part:
            names.append(part)
    return names


def test_every_committee_of_seed_000_is_present_with_its_official_name():
    names = seed_names()
    current = Committee.objects.current().select_related("municipality")
    assert sorted(c.municipality.name for c in current) == sorted(names)


def test_the_count_is_computed_from_the_list_not_taken_from_the_text(source_counts):
    # The seed says 114 (and seed 004 says 111); the registry holds its list.
    assert Committee.objects.current().count() == len(seed_names())
    assert len(seed_names()) == source_counts["current_committees"]


def test_from_november_2025_every_committee_carries_the_new_name():
    for committee in Committee.objects.filter(term__start=RENAME_DATE).select_related(
        "municipality"
    ):
        assert committee.kind == CommitteeKind.CHANCENGERECHTIGKEIT
        assert committee.official_name.startswith(
            "Ausschuss für Chancengerechtigkeit und Integration der "
        )


def test_no_earlier_body_is_invented():
    # No source lists which towns had an Integrationsrat or an Integrationsausschuss
    # before 01.11.2025; the office enters such bodies in the admin from a source.
    assert not Committee.objects.filter(term__start__lt=RENAME_DATE).exists()


def test_kreuztal_is_the_only_committee_that_is_not_a_member():
    non_members = Committee.objects.current().filter(is_member=False)
    assert [c.municipality.name for c in non_members] == ["Kreuztal"]


def test_the_real_data_holds_the_term_from_november_2025_only():
    terms = list(Term.objects.order_by("start"))
    assert [str(t) for t in terms] == ["2025–2030"]
    assert terms[0].start == RENAME_DATE
    assert terms[0].end == datetime.date(2030, 10, 31)

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from municipalities.importer import GVImportError, german_slug, import_gv
from municipalities.models import District, Municipality

pytestmark = pytest.mark.django_db

EXCERPT = Path(__file__).parent / "data" / "gv_excerpt.csv"
HEADER = (
    "Satzart;Textkennzeichen;Land;RB;Kreis;VB;Gem;Gemeindename;"
    "Flaeche_km2;Bevoelkerung;PLZ;Laengengrad;Breitengrad\n"
)
COLOGNE_DISTRICT = "40;41;05;3;15;;;Köln, Stadt;;;;;\n"


# The excerpt holds real rows of the directory: three municipalities without a
# committee (deleted before each test, so the import creates them) and three
# with committees, which must come out unchanged.
NEW = {"05334020": "Monschau", "05358032": "Langerwehe", "05158008": "Haan"}


@pytest.fixture
def without_new():
    Municipality.objects.filter(ags__in=NEW).delete()


def test_import_creates_municipalities_with_official_names(without_new):
    report = import_gv(EXCERPT)
    assert (report.created, report.updated, report.unchanged) == (3, 0, 3)
    monschau = Municipality.objects.get(ags="05334020")
    assert monschau.name == "Monschau"  # "Monschau, Stadt" without the designation
    assert monschau.kind == Municipality.Kind.STADT
    assert monschau.district.kind == District.Kind.STAEDTEREGION
    assert monschau.regierungsbezirk_name == "Köln"
    langerwehe = Municipality.objects.get(ags="05358032")
    assert langerwehe.kind == Municipality.Kind.GEMEINDE
    assert langerwehe.designated_name == "Gemeinde Langerwehe"
    assert langerwehe.district.display_name == "Kreis Düren"
    assert langerwehe.slug == "langerwehe"
    herford = Municipality.objects.get(ags="05758012")
    assert herford.name == "Herford"  # "Herford, Hansestadt"


def test_dry_run_saves_nothing(without_new):
    report = import_gv(EXCERPT, dry_run=True)
    assert report.created == 3
    assert not Municipality.objects.filter(ags__in=NEW).exists()


def test_second_import_changes_nothing(without_new):
    import_gv(EXCERPT)
    before = list(Municipality.objects.order_by("ags").values())
    report = import_gv(EXCERPT)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 6)
    assert list(Municipality.objects.order_by("ags").values()) == before


def test_import_updates_in_place_and_keeps_the_slug(tmp_path):
    cologne = Municipality.objects.get(ags="05315000")
    changed = EXCERPT.read_text(encoding="utf-8").replace("1073096", "1084831")
    path = tmp_path / "gv.csv"
    path.write_text(changed, encoding="utf-8")
    report = import_gv(path)
    assert (report.created, report.updated) == (0, 1)
    assert report.changes == ["~ 05315000 Köln: population"]
    cologne.refresh_from_db()
    assert cologne.population == 1084831
    assert cologne.slug == "koeln"
    assert Municipality.objects.filter(ags="05315000").count() == 1


def test_the_real_directory_has_every_nrw_municipality(source_counts):
    assert Municipality.objects.count() == source_counts["municipalities"]
    assert District.objects.count() == source_counts["districts"]
    counts = {kind: District.objects.filter(kind=kind).count() for kind in District.Kind}
    assert counts == {
        District.Kind.KREISFREIE_STADT: 22,
        District.Kind.KREIS: 30,
        District.Kind.STAEDTEREGION: 1,
    }
    for municipality in Municipality.objects.select_related("district"):
        assert municipality.ags.startswith(municipality.district.key)


def test_windows_encoded_files_are_read(without_new, tmp_path):
    path = tmp_path / "gv.csv"
    path.write_bytes(EXCERPT.read_text(encoding="utf-8").encode("cp1252"))
    assert import_gv(path).unchanged == 3  # "Köln" read as the same name
    assert Municipality.objects.get(ags="05315000").name == "Köln"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Name;Key\nKöln;05315000\n", "missing columns"),
        (HEADER, "no municipality"),
        (HEADER + "60;61;05;3;15;0000;000;Köln, Stadt;405;1;50667;x;50.9\n", "not a number"),
        (
            HEADER + "60;99;05;3;15;0000;000;Köln, Stadt;405;1;50667;6.9;50.9\n",
            "unknown municipality kind",
        ),
        (HEADER + "60;61;05;3;77;0000;000;Nirgendwo;1;1;50667;6.9;50.9\n", "no district record"),
        (
            HEADER + COLOGNE_DISTRICT + "60;61;05;3;15;0000;000;Köln;405;1;50667;13.4;52.5\n",
            "longitude: ",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_nothing_is_saved(tmp_path, content, message):
    before = Municipality.objects.count()
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GVImportError) as error:
        import_gv(path)
    import re

    assert re.search(message, str(error.value)), str(error.value)
    assert Municipality.objects.count() == before


def test_command_reports_and_supports_dry_run(without_new, capsys):
    call_command("import_gv", str(EXCERPT), "--dry-run")
    assert "Dry run, nothing saved" in capsys.readouterr().out
    assert not Municipality.objects.filter(ags__in=NEW).exists()
    call_command("import_gv", str(EXCERPT))
    assert "municipalities 3 created, 0 updated, 3 unchanged" in capsys.readouterr().out


def test_command_names_a_missing_file():
    with pytest.raises(CommandError, match="File not found"):
        call_command("import_gv", "/no/such/file.csv")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Köln", "koeln"),
        ("Mülheim an der Ruhr", "muelheim-an-der-ruhr"),
        ("Gronau (Westf.)", "gronau-westf"),
        ("Straße", "strasse"),
    ],
)
def test_slugs_spell_umlauts_the_german_way(name, slug):
    assert german_slug(name) == slug

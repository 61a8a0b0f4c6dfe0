from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from municipalities.importer import GVImportError, german_slug, import_gv
from municipalities.models import District, Municipality

pytestmark = pytest.mark.django_db

EXCERPT = Path(__file__).parent / "data" / "gv_excerpt.csv"
HEADER = "Satzart;Textkennzeichen;Land;RB;Kreis;VB;Gem;Gemeindename;Flaeche_km2;Bevoelkerung;PLZ;Laengengrad;Breitengrad\n"


@pytest.fixture
def empty_registry():
    """Start from no municipalities, as on a fresh installation."""
    from committees.models import Committee

    Committee.objects.all().delete()
    Municipality.objects.all().delete()
    District.objects.all().delete()


def test_import_creates_municipalities_with_official_names(empty_registry):
    report = import_gv(EXCERPT)
    assert report.created == 7
    herford = Municipality.objects.get(ags="05758012")
    assert herford.name == "Herford"  # "Herford, Hansestadt" without the designation
    assert herford.kind == Municipality.Kind.STADT
    assert herford.district.display_name == "Kreis Herford"
    assert herford.regierungsbezirk_name == "Detmold"
    hiddenhausen = Municipality.objects.get(ags="05758016")
    assert hiddenhausen.kind == Municipality.Kind.GEMEINDE
    assert hiddenhausen.designated_name == "Gemeinde Hiddenhausen"
    aachen = Municipality.objects.get(ags="05334002")
    assert aachen.district.kind == District.Kind.STAEDTEREGION
    assert Municipality.objects.get(ags="05315000").district.kind == District.Kind.KREISFREIE_STADT


def test_dry_run_saves_nothing(empty_registry):
    report = import_gv(EXCERPT, dry_run=True)
    assert report.created == 7
    assert Municipality.objects.count() == 0
    assert District.objects.count() == 0


def test_second_import_changes_nothing(empty_registry):
    import_gv(EXCERPT)
    before = list(Municipality.objects.values())
    report = import_gv(EXCERPT)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)
    assert list(Municipality.objects.values()) == before


def test_import_updates_in_place_and_keeps_the_slug(empty_registry, tmp_path):
    import_gv(EXCERPT)
    cologne = Municipality.objects.get(ags="05315000")
    changed = EXCERPT.read_text(encoding="utf-8").replace("1073096", "1084831")
    path = tmp_path / "gv.csv"
    path.write_text(changed, encoding="utf-8")
    report = import_gv(path)
    assert (report.created, report.updated) == (0, 1)
    cologne.refresh_from_db()
    assert cologne.population == 1084831
    assert cologne.slug == "koeln"
    assert Municipality.objects.filter(ags="05315000").count() == 1


def test_the_real_directory_has_every_nrw_municipality():
    assert Municipality.objects.count() == 396
    assert District.objects.count() == 53
    counts = {kind: District.objects.filter(kind=kind).count() for kind in District.Kind}
    assert counts == {
        District.Kind.KREISFREIE_STADT: 22,
        District.Kind.KREIS: 30,
        District.Kind.STAEDTEREGION: 1,
    }
    for municipality in Municipality.objects.select_related("district"):
        assert municipality.ags.startswith(municipality.district.key)


def test_windows_encoded_files_are_read(empty_registry, tmp_path):
    path = tmp_path / "gv.csv"
    path.write_bytes(EXCERPT.read_text(encoding="utf-8").encode("cp1252"))
    import_gv(path)
    assert Municipality.objects.get(ags="05315000").name == "Köln"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Name;Key\nKöln;05315000\n", "missing columns"),
        (HEADER, "no municipality"),
        (HEADER + "60;61;05;3;15;0000;000;Köln, Stadt;405;1;50667;x;50.9\n", "not a number"),
        (HEADER + "60;99;05;3;15;0000;000;Köln, Stadt;405;1;50667;6.9;50.9\n", "unknown municipality kind"),
        (HEADER + "60;61;05;3;77;0000;000;Nirgendwo;1;1;50667;6.9;50.9\n", "no district record"),
        (HEADER + "40;41;05;3;15;;;Köln, Stadt;;;;;\n60;61;05;3;15;0000;000;Köln;405;1;50667;13.4;52.5\n", "longitude: "),
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


def test_command_reports_and_supports_dry_run(empty_registry, capsys):
    call_command("import_gv", str(EXCERPT), "--dry-run")
    assert "Dry run, nothing saved" in capsys.readouterr().out
    assert Municipality.objects.count() == 0
    call_command("import_gv", str(EXCERPT))
    assert "7 created" in capsys.readouterr().out


def test_command_names_a_missing_file():
    with pytest.raises(CommandError, match="File not found"):
        call_command("import_gv", "/no/such/file.csv")


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Köln", "koeln"), ("Mülheim an der Ruhr", "muelheim-an-der-ruhr"),
     ("Gronau (Westf.)", "gronau-westf"), ("Straße", "strasse")],
)
def test_slugs_spell_umlauts_the_german_way(name, slug):
    assert german_slug(name) == slug

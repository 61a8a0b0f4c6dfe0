import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from municipalities.models import Municipality, distance_km, index_letter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ags", ["5315000", "053150001", "06315000", "05215000", "0531500x", ""])
def test_invalid_official_keys_are_refused_by_the_form_rules(ags):
    cologne = Municipality.objects.get(ags="05315000")
    cologne.ags = ags
    with pytest.raises(ValidationError) as error:
        cologne.full_clean()
    assert "ags" in error.value.message_dict


def test_the_database_refuses_an_invalid_key_too():
    cologne = Municipality.objects.get(ags="05315000")
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.filter(pk=cologne.pk).update(ags="99999999")


def test_official_keys_are_unique():
    cologne = Municipality.objects.get(ags="05315000")
    copy = Municipality(
        ags="05315000",
        name="Köln 2",
        slug="koeln-2",
        kind="stadt",
        district=cologne.district,
        latitude=cologne.latitude,
        longitude=cologne.longitude,
    )
    with pytest.raises(ValidationError) as error:
        copy.full_clean()
    assert list(error.value.message_dict) == ["ags"]


def test_a_key_outside_its_district_is_refused():
    cologne = Municipality.objects.get(ags="05315000")
    cologne.district = Municipality.objects.get(ags="05111000").district
    with pytest.raises(ValidationError) as error:
        cologne.full_clean()
    assert "gehört nicht zum Kreis" in str(error.value.message_dict["district"])


def test_regierungsbezirk_follows_from_the_key():
    assert Municipality.objects.get(ags="05970024").regierungsbezirk_name == "Arnsberg"
    assert Municipality.objects.filter(regierungsbezirk="5").count() == (
        Municipality.objects.filter(ags__startswith="055").count()
    )


def test_distance_between_cologne_and_duesseldorf_is_about_34_km():
    cologne = Municipality.objects.get(ags="05315000")
    duesseldorf = Municipality.objects.get(ags="05111000")
    assert 30 < cologne.distance_km(duesseldorf) < 38
    assert distance_km(51, 7, 51, 7) == 0


@pytest.mark.parametrize(
    ("name", "letter"), [("Übach-Palenberg", "U"), ("Ölde", "O"), ("Köln", "K")]
)
def test_umlauts_are_filed_under_their_base_letter(name, letter):
    assert index_letter(name) == letter

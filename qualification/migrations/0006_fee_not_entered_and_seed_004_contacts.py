"""Data: fees nobody entered, and the contacts of seed 004.

Until now a seminar's fee defaulted to 0 and the pages called every such
seminar free of charge, which no source says: a fee of 0 becomes "not
entered". The two contact organisations get the contact persons and
addresses seed 004 names, and lose the split of questions between them that
the seed does not make (only where nobody has changed them since).
"""

from django.db import migrations

SEED_004 = {
    "landesintegrationsrat": ("Engin Sakal", "sakal@landesintegrationsrat-nrw.de"),
    "landesverband-vhs-nrw": ("Anna Hutnik", "hutnik@vhs-nrw.de"),
}
OLD_DESCRIPTIONS = {
    "landesintegrationsrat": "Fragen zur Qualifizierungsreihe und zu ihren Inhalten",
    "landesverband-vhs-nrw": (
        "Fragen zu den Seminaren an den Volkshochschulen und zu Ansprechpersonen vor Ort"
    ),
}


def forward(apps, schema_editor):
    Seminar = apps.get_model("qualification", "Seminar")
    Contact = apps.get_model("qualification", "Contact")
    Seminar.objects.filter(fee=0).update(fee=None)
    for slug, (person, email) in SEED_004.items():
        Contact.objects.filter(slug=slug, contact_person="", email="").update(
            contact_person=person, email=email
        )
        Contact.objects.filter(slug=slug, description_de=OLD_DESCRIPTIONS[slug]).update(
            description="", description_de="", description_en="", description_tr="", description_ar=""
        )


class Migration(migrations.Migration):
    dependencies = [("qualification", "0005_demo_flag_contact_person_optional_fee")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

"""Data: the Arabic source line of the published figures called the
Landesintegrationsrat a federal council; official names stay German."""

from django.db import migrations

WRONG = "المجلس الاتحادي للاندماج في شمال الراين-وستفاليا"


def forward(apps, schema_editor):
    PublishedFigure = apps.get_model("committees", "PublishedFigure")
    for figure in PublishedFigure.objects.filter(source_ar__contains=WRONG):
        figure.source_ar = figure.source_ar.replace(WRONG, "Landesintegrationsrat NRW")
        figure.save(update_fields=["source_ar"])


class Migration(migrations.Migration):
    dependencies = [("committees", "0004_timestamps")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

"""A seminar stores its first and last day (kept from its sessions from now on)."""

from django.db import migrations, models
from django.db.models import Max, Min, OuterRef, Subquery


def fill(apps, schema_editor):
    Seminar = apps.get_model("qualification", "Seminar")
    SeminarSession = apps.get_model("qualification", "SeminarSession")
    sessions = SeminarSession.objects.filter(seminar=OuterRef("pk")).order_by().values("seminar")
    Seminar.objects.update(
        starts_on=Subquery(sessions.annotate(first=Min("date")).values("first")),
        ends_on=Subquery(sessions.annotate(last=Max("date")).values("last")),
    )


def field(verbose_name, help_text):
    return models.DateField(
        db_index=True, editable=False, help_text=help_text, null=True, verbose_name=verbose_name
    )


class Migration(migrations.Migration):
    dependencies = [
        ("qualification", "0008_audit_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="seminar",
            name="starts_on",
            field=field("first day", "The date of the first session; kept from the sessions."),
        ),
        migrations.AddField(
            model_name="seminar",
            name="ends_on",
            field=field("last day", "The date of the last session; kept from the sessions."),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]

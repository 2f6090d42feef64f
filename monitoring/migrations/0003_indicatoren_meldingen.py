"""Data: the melding indicators move from the ontwikkelagenda to the startset (toegang's meldingen exist now)."""

from django.db import migrations


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_catalogus_en_planning"),
        ("toegang", "0002_melding"),
    ]

    operations = [migrations.RunPython(catalogus, migrations.RunPython.noop)]

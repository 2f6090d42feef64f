"""Data: the maatwerk, budget, Wmo-client and opschaling indicators move to the startset (toegang's maatwerk and
opschaling exist now)."""

from django.db import migrations


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0004_indicatoren_zrm"),
        ("toegang", "0005_maatwerk_merge_melding"),
    ]

    operations = [migrations.RunPython(catalogus, migrations.RunPython.noop)]

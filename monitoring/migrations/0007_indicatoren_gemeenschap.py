"""Data: the community indicators (help requests, matches, volunteers, carers supported, collective activities,
complaints) and the cliëntervaringsonderzoek scores move to the startset (gemeenschap's models exist now)."""

from django.db import migrations


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0006_catalogus_kern")]

    operations = [migrations.RunPython(catalogus, migrations.RunPython.noop)]

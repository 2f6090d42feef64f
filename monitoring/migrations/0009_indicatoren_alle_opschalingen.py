"""Data: escalations to every target of the gemeente (youth, safety, zorgnetwerk as well as LZN and bestuurstafel),
in total and per kind of target."""

from django.db import migrations


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0008_indicatoren_participatie")]

    operations = [migrations.RunPython(catalogus, migrations.RunPython.noop)]

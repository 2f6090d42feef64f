"""Data: the ZRM indicators move from the ontwikkelagenda to the startset (zelfredzaamheid's metingen exist now)."""

from django.db import migrations


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0003_indicatoren_meldingen"),
        ("zelfredzaamheid", "0002_catalogus"),
    ]

    operations = [migrations.RunPython(catalogus, migrations.RunPython.noop)]

"""Data: postcodes stored as ``2981AB`` / ``2981 ab`` become ``2981 AB``, the one stored form
(``common.postcode.normaliseer_postcode``, which every write path now uses). Reversing leaves them as they are."""

from django.db import migrations

from common.postcode import normaliseer_postcode

OPGESLAGEN_VORM = r"^[1-9][0-9]{3} [A-Z]{2}$"


def normaliseer(apps, schema_editor):
    Model = apps.get_model("wijkteams", "Locatie")
    for rij in Model.objects.exclude(postcode="").exclude(postcode__regex=OPGESLAGEN_VORM).only("postcode"):
        nieuw = normaliseer_postcode(rij.postcode)
        if nieuw != rij.postcode:
            Model.objects.filter(pk=rij.pk).update(postcode=nieuw)


class Migration(migrations.Migration):

    dependencies = [
        ("wijkteams", "0003_aanbod"),
    ]

    operations = [
        migrations.RunPython(normaliseer, migrations.RunPython.noop),
    ]

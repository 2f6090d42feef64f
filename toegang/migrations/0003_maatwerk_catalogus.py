"""National catalogues for maatwerk as data: iWmo and iJw product categories, units and frequencies.

Per-gemeente catalogues (products, tariffs, providers, mandate register, escalation targets, budget lines)
are maintained by the functioneel beheerder; the demo loads examples.
"""

from django.db import migrations

from toegang.maatwerk.codelijsten import EENHEDEN, FREQUENTIES, JEUGD, WMO


def laad(apps, schema_editor):
    ProductCategorie = apps.get_model("toegang", "ProductCategorie")
    Eenheid = apps.get_model("toegang", "Eenheid")
    Frequentie = apps.get_model("toegang", "Frequentie")
    for wet, lijst in (("wmo", WMO), ("jeugdwet", JEUGD)):
        for code, naam in lijst:
            ProductCategorie.objects.update_or_create(wet=wet, code=code, defaults={"naam": naam})
    for code, naam in EENHEDEN:
        Eenheid.objects.update_or_create(code=code, defaults={"naam": naam})
    for code, naam, dagen in FREQUENTIES:
        Frequentie.objects.update_or_create(code=code, defaults={"naam": naam, "dagen": dagen})


class Migration(migrations.Migration):
    dependencies = [("toegang", "0002_maatwerk")]
    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]

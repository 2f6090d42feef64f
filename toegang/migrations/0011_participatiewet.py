"""The Participatiewet in the maatwerk catalogue and the mandate register: a third law (the column grows to fit its
name) and its two categories, inkomensondersteuning and schuldhulpverlening (the application's own codes: there is
no iStandaard for the Participatiewet)."""

from django.db import migrations, models

from toegang.maatwerk.codelijsten import PARTICIPATIE

WETTEN = [("wmo", "Wmo 2015"), ("jeugdwet", "Jeugdwet"), ("participatiewet", "Participatiewet")]


def laad(apps, schema_editor):
    ProductCategorie = apps.get_model("toegang", "ProductCategorie")
    for code, naam in PARTICIPATIE:
        ProductCategorie.objects.update_or_create(wet="participatiewet", code=code, defaults={"naam": naam})


class Migration(migrations.Migration):
    dependencies = [("toegang", "0010_toewijzing_berichten")]

    operations = [
        migrations.AlterField("productcategorie", "wet",
                              models.CharField(choices=WETTEN, max_length=20, verbose_name="wet")),
        migrations.AlterField("mandaat", "wet", models.CharField(choices=WETTEN, max_length=20, verbose_name="wet")),
        migrations.RunPython(laad, migrations.RunPython.noop),
    ]

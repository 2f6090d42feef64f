"""Data: the Participatiewet outflow indicators (to work, to education) leave the ontwikkelagenda (huishoudens records
the outflow now), under their own theme; so does the share of young people with jeugdhulp (wijkteams holds the CBS
age groups per wijk now)."""

from django.db import migrations, models


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0007_indicatoren_gemeenschap"), ("huishoudens", "0007_uitstroom"),
                    ("wijkteams", "0007_inwoners_cbs_kerncijfers")]

    operations = [
        migrations.AlterField(
            model_name="indicator", name="thema",
            field=models.CharField(choices=[
                ("bereik", "Bereik: ondersteunde huishoudens en personen"),
                ("toegang", "Toegang: meldingen en doorlooptijden"),
                ("ondersteuning", "Soort ondersteuning (ladder)"),
                ("zelfredzaamheid", "Zelfredzaamheid (ZRM)"),
                ("maatwerk", "Maatwerk en budget"),
                ("opschaling", "Opschaling"),
                ("afsluiting", "Afsluiting en heropening"),
                ("clientervaring", "Cliëntervaring en klachten"),
                ("eigen_kracht", "Eigen kracht, mantelzorg en vrijwilligers"),
                ("bevolking", "Bevolking (onderzoek per wijk)"),
                ("participatie", "Participatie: uitstroom naar werk en opleiding"),
            ], max_length=30, verbose_name="thema"),
        ),
        migrations.RunPython(catalogus, migrations.RunPython.noop),
    ]

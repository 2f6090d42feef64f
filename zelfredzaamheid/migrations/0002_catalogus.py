"""The ZRM catalogue as data: levels, the 2017 version (13 domains, active) and the older 11-domain
version (loaded, not active). Only the domain and level names are shipped; the criteria per cell
are placeholders that the municipality replaces (the ZRM texts are copyrighted by GGD Amsterdam).
Also the database check that every score in a measurement lies between 1 and 5 (or is NULL)."""

from django.db import migrations

NIVEAUS = [
    (1, "Acute problematiek"),
    (2, "Niet zelfredzaam"),
    (3, "Beperkt zelfredzaam"),
    (4, "Voldoende zelfredzaam"),
    (5, "Volledig zelfredzaam"),
]

VERSIES = {
    ("2017", "ZRM 2017 (13 domeinen)", True): [
        ("financien", "Financiën"),
        ("werk_opleiding", "Werk & opleiding"),
        ("tijdsbesteding", "Tijdsbesteding"),
        ("huisvesting", "Huisvesting"),
        ("huiselijke_relaties", "Huiselijke relaties"),
        ("geestelijke_gezondheid", "Geestelijke gezondheid"),
        ("lichamelijke_gezondheid", "Lichamelijke gezondheid"),
        ("middelengebruik", "Middelengebruik"),
        ("basale_adl", "Basale ADL"),
        ("instrumentele_adl", "Instrumentele ADL"),
        ("sociaal_netwerk", "Sociaal netwerk"),
        ("maatschappelijke_participatie", "Maatschappelijke participatie"),
        ("justitie", "Justitie"),
    ],
    ("2013", "ZRM 2013 (11 domeinen)", False): [
        ("financien", "Financiën"),
        ("dagbesteding", "Dagbesteding"),
        ("huisvesting", "Huisvesting"),
        ("huiselijke_relaties", "Huiselijke relaties"),
        ("geestelijke_gezondheid", "Geestelijke gezondheid"),
        ("lichamelijke_gezondheid", "Lichamelijke gezondheid"),
        ("verslaving", "Verslaving"),
        ("adl", "ADL-vaardigheden"),
        ("sociaal_netwerk", "Sociaal netwerk"),
        ("maatschappelijke_participatie", "Maatschappelijke participatie"),
        ("justitie", "Justitie"),
    ],
}


def laad(apps, schema_editor):
    Niveau = apps.get_model("zelfredzaamheid", "Niveau")
    MatrixVersie = apps.get_model("zelfredzaamheid", "MatrixVersie")
    Domein = apps.get_model("zelfredzaamheid", "Domein")
    Criterium = apps.get_model("zelfredzaamheid", "Criterium")
    niveaus = {}
    for score, naam in NIVEAUS:
        niveaus[score], _ = Niveau.objects.get_or_create(score=score, defaults={"naam": naam})
    for (code, naam, actief), domeinen in VERSIES.items():
        versie, _ = MatrixVersie.objects.get_or_create(code=code, defaults={"naam": naam, "actief": actief})
        for volgorde, (dcode, dnaam) in enumerate(domeinen, start=1):
            domein, _ = Domein.objects.get_or_create(
                versie=versie, code=dcode, defaults={"naam": dnaam, "volgorde": volgorde})
            for score, niveau in niveaus.items():
                Criterium.objects.get_or_create(domein=domein, niveau=niveau, defaults={
                    "tekst": f"Criteria voor ‘{dnaam}’ op niveau {score} ({niveau.naam}): "
                             "in te vullen door de gemeente."})


class Migration(migrations.Migration):
    dependencies = [("zelfredzaamheid", "0001_initial")]

    operations = [
        migrations.RunPython(laad, migrations.RunPython.noop),
        migrations.RunSQL(
            "ALTER TABLE zelfredzaamheid_meting ADD CONSTRAINT zrm_scores_1_tot_5 "
            "CHECK (1 <= ALL(scores) AND 5 >= ALL(scores))",
            "ALTER TABLE zelfredzaamheid_meting DROP CONSTRAINT zrm_scores_1_tot_5",
        ),
    ]

"""Data: indicators that left the ontwikkelagenda in 0003-0005 get their full definition (name, description,
key indicator, reading direction), not only the technical fields."""

from django.db import migrations

VAN_DE_AGENDA = ["meldingen_nieuw", "meldingen_meervoudig", "meldingen_per_kanaal", "dt_melding_gesprek_mediaan",
                 "onderzoek_binnen_6_weken", "zrm_gemiddelde_domein", "zrm_verandering", "zrm_weinig_kracht",
                 "zrm_onvoldoende_contacten", "maatwerk_aanvragen", "maatwerk_toegekend", "maatwerk_afgewezen",
                 "maatwerk_kosten_budget", "besluit_binnen_2_weken", "wmo_clienten_per_1000", "escalaties_lzn",
                 "escalaties_bestuurstafel", "escalaties_uitkomst"]


def catalogus(apps, schema_editor):
    from monitoring.catalogus import INDICATOREN

    Indicator = apps.get_model("monitoring", "Indicator")
    for gegevens in INDICATOREN:
        if gegevens["code"] in VAN_DE_AGENDA:
            velden = {k: v for k, v in gegevens.items() if k != "code"}
            Indicator.objects.filter(code=gegevens["code"]).update(**velden)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0005_indicatoren_maatwerk")]

    operations = [migrations.RunPython(catalogus, migrations.RunPython.noop)]

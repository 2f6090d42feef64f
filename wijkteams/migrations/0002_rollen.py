from django.db import migrations

ROLLEN = ["medewerker", "coordinator", "lzn", "beleidsmedewerker", "sociaal_makelaar", "bestuurstafel",
          "functioneel_beheer"]


def maak_rollen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for naam in ROLLEN:
        Group.objects.get_or_create(name=naam)


class Migration(migrations.Migration):
    dependencies = [("wijkteams", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak_rollen, migrations.RunPython.noop)]

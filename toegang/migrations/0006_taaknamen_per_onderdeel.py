"""The Celery tasks moved into the sub-packages (toegang/melding/tasks.py, toegang/maatwerk/tasks.py):
the beat entries follow the new task names. Only django_celery_beat rows change; no table of toegang."""

from django.db import migrations

HERNOEMD = {
    "toegang.tasks_melding.stuur_dagoverzicht": "toegang.melding.tasks.stuur_dagoverzicht",
    "toegang.tasks_maatwerk.maak_ontbrekende_beschikkingen": "toegang.maatwerk.tasks.maak_ontbrekende_beschikkingen",
}


def hernoem(apps, schema_editor, omgekeerd=False):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for oud, nieuw in HERNOEMD.items():
        van, naar = (nieuw, oud) if omgekeerd else (oud, nieuw)
        PeriodicTask.objects.filter(task=van).update(task=naar)


def terug(apps, schema_editor):
    hernoem(apps, schema_editor, omgekeerd=True)


class Migration(migrations.Migration):
    dependencies = [("toegang", "0005_maatwerk_merge_melding"), ("django_celery_beat", "0019_alter_periodictasks_options")]
    operations = [migrations.RunPython(hernoem, terug)]

"""Celery beat: the outbox relay every 30 seconds, and the hourly catch-up of scheduled work that beat missed."""

from django.db import migrations

RELAY = ("Uitgaande taken doorgeven (outbox-relay)", "common.tasks.relay_uitgaand")
INHALEN = ("Gemiste planning inhalen", "common.tasks.haal_planning_in")


def maak(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for (naam, taak), (elke, eenheid) in ((RELAY, (30, "seconds")), (INHALEN, (1, "hours"))):
        schema, _ = IntervalSchedule.objects.get_or_create(every=elke, period=eenheid)
        PeriodicTask.objects.update_or_create(name=naam, defaults={"task": taak, "interval": schema, "enabled": True})


def verwijder(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=[RELAY[0], INHALEN[0]]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0001_uitgaand_en_afgeronde_periode"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(maak, verwijder)]

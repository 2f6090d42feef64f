"""Celery beat: the daily digest of due and overdue items per professional, at 07:00 Amsterdam time."""

from django.db import migrations

TAAK = "toegang.tasks_melding.stuur_dagoverzicht"
NAAM = "Dagoverzicht werkvoorraad (meldingen)"


def maak(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = CrontabSchedule.objects.get_or_create(minute="0", hour="7", day_of_week="*", day_of_month="*",
                                                      month_of_year="*", timezone="Europe/Amsterdam")
    PeriodicTask.objects.update_or_create(name=NAAM, defaults={"task": TAAK, "crontab": schema, "enabled": True})


def verwijder(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("toegang", "0002_melding"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(maak, verwijder)]

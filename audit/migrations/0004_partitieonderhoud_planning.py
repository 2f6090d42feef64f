"""Data: run ``audit.tasks.onderhoud_partities`` every night at 03:15 (Amsterdam) through django-celery-beat."""

from django.db import migrations

TAAK = "audit.tasks.onderhoud_partities"
NAAM = "Logboek: partities per maand onderhouden"


def planning(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="15", hour="3", day_of_month="*", month_of_year="*", day_of_week="*", timezone="Europe/Amsterdam",
    )
    PeriodicTask.objects.update_or_create(
        name=NAAM, defaults={"task": TAAK, "crontab": crontab, "enabled": True,
                             "description": "Maakt de logboekpartities van de komende maanden aan en ontkoppelt "
                                            "maanden die buiten de bewaartermijn vallen."},
    )


def planning_terug(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_partities_per_maand"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(planning, planning_terug)]

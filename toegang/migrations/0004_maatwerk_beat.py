"""Beat schedule: every night, decided requests whose beschikking is missing (worker was down) get one."""

from django.db import migrations

TAAK = "toegang.tasks_maatwerk.maak_ontbrekende_beschikkingen"
NAAM = "Maatwerk: ontbrekende beschikkingen maken"


def plan(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = CrontabSchedule.objects.get_or_create(minute="30", hour="2", day_of_week="*", day_of_month="*",
                                                      month_of_year="*", timezone="Europe/Amsterdam")
    PeriodicTask.objects.get_or_create(name=NAAM, defaults={"task": TAAK, "crontab": schema})


def verwijder(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [("toegang", "0003_maatwerk_catalogus"), ("django_celery_beat", "0019_alter_periodictasks_options")]
    operations = [migrations.RunPython(plan, verwijder)]

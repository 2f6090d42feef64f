"""Beat schedule: every night, teams lose access to households closed longer ago than the follow-up period."""

from django.db import migrations

TAAK = "huishoudens.tasks.verloop_nazorg"
NAAM = "Dossier: toegang na de nazorgtermijn intrekken"


def plan(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = CrontabSchedule.objects.get_or_create(minute="15", hour="2", day_of_week="*", day_of_month="*",
                                                      month_of_year="*", timezone="Europe/Amsterdam")
    PeriodicTask.objects.get_or_create(name=NAAM, defaults={"task": TAAK, "crontab": schema})


def verwijder(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [("huishoudens", "0003_noodtoegang"), ("django_celery_beat", "0019_alter_periodictasks_options")]
    operations = [migrations.RunPython(plan, verwijder)]

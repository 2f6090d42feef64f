"""Data: the indicator catalogue, and the quarterly schedule in django-celery-beat (the night after each
quarter ends, 02:00 Amsterdam time, start the monitor runs of the quarter just finished)."""

from django.db import migrations

TAAK = "monitoring.tasks.start_kwartaalmonitor"
NAAM = "Kwartaalmonitor wijkteams"


def catalogus(apps, schema_editor):
    from monitoring.catalogus import synchroniseer

    synchroniseer(apps.get_model("monitoring", "Indicator"))


def planning(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="2", day_of_month="1", month_of_year="1,4,7,10", day_of_week="*",
        timezone="Europe/Amsterdam",
    )
    PeriodicTask.objects.update_or_create(
        name=NAAM, defaults={"task": TAAK, "crontab": crontab, "enabled": True,
                             "description": "Berekent na afloop van elk kwartaal de monitor per gebied en gemeente."},
    )


def planning_terug(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(catalogus, migrations.RunPython.noop),
        migrations.RunPython(planning, planning_terug),
    ]

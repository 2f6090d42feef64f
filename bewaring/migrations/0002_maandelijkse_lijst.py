from django.db import migrations


def plan(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = CrontabSchedule.objects.get_or_create(minute="0", hour="3", day_of_month="1", month_of_year="*",
                                                      day_of_week="*", timezone="Europe/Amsterdam")
    PeriodicTask.objects.get_or_create(
        name="Vernietigingslijsten opstellen (maandelijks)",
        defaults={"task": "bewaring.tasks.stel_vernietigingslijsten_op", "crontab": schema},
    )


class Migration(migrations.Migration):
    dependencies = [("bewaring", "0001_initial"), ("django_celery_beat", "0019_alter_periodictasks_options")]
    operations = [migrations.RunPython(plan, migrations.RunPython.noop)]

from celery import shared_task
from django.apps import apps


@shared_task(time_limit=30, soft_time_limit=20)
def ping():
    """Answers 'pong' with the number of gemeenten: proves a worker reaches Redis and the database."""
    return {"antwoord": "pong", "gemeenten": apps.get_model("wijkteams", "Gemeente").objects.count()}

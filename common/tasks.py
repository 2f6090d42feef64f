from celery import shared_task
from django.apps import apps
from django.conf import settings
from django.db import InterfaceError, OperationalError

from common import uitgaand

# A database that restarts (or fails over) interrupts a task: it is tried again, with growing pauses.
DATABASE_FOUTEN = (OperationalError, InterfaceError)


@shared_task(time_limit=30, soft_time_limit=20)
def ping():
    """Answers 'pong' with the number of gemeenten: proves a worker reaches Redis and the database."""
    return {"antwoord": "pong", "gemeenten": apps.get_model("wijkteams", "Gemeente").objects.count()}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=20,
             autoretry_for=DATABASE_FOUTEN + (uitgaand.NietBeschikbaar,), retry_backoff=2, retry_backoff_max=60,
             retry_jitter=False)
def voer_uitgaand_uit(self, uitgaand_id):
    """Run one side effect from the outbox (at most once per row). Time limits come from the named task."""
    return uitgaand.voer_uit(uitgaand_id)


@shared_task(time_limit=120, soft_time_limit=100, ignore_result=True)
def relay_uitgaand():
    """Celery beat, every few seconds: hand side effects that never reached Celery to it (Redis was down)."""
    return uitgaand.relay()


@shared_task(time_limit=120, soft_time_limit=100, ignore_result=True)
def haal_planning_in():
    """Hourly and when beat starts: start the scheduled jobs again; each does only a period it has not done."""
    for naam in settings.INHAALTAKEN:
        uitgaand.taak(naam).apply_async(retry=False)
    return list(settings.INHAALTAKEN)

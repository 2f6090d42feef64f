from celery import shared_task


@shared_task(time_limit=30, soft_time_limit=20)
def ping():
    """Answers 'pong' with the number of gemeenten: proves a worker reaches Redis and the database."""
    from wijkteams.models import Gemeente

    return {"antwoord": "pong", "gemeenten": Gemeente.objects.count()}

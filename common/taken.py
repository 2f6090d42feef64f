"""Side effects after a write: the one way a service hands work to Celery.

Services never import their app's ``tasks`` module (the tasks import the services; importing back would make
a cycle). They name the task instead; the task is looked up in Celery's registry when the transaction has
committed, so a rolled-back write schedules nothing.
"""

from celery import current_app
from django.db import transaction


def plan_na_commit(taaknaam, *args, **kwargs):
    """Run Celery task ``taaknaam`` (its dotted name, e.g. ``"bewaring.tasks.voer_vernietiging_uit"``) with
    these arguments once the current transaction commits (at once outside a transaction)."""

    def verstuur():
        current_app.tasks[taaknaam].delay(*args, **kwargs)

    transaction.on_commit(verstuur)

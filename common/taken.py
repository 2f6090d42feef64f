"""Side effects after a write: the one way a service hands work to Celery.

Services never import their app's ``tasks`` module (the tasks import the services; importing back would make
a cycle). They name the task instead. The side effect is stored in the write's own transaction (the outbox,
``common.uitgaand``), so a rolled-back write schedules nothing, and a committed write keeps its side effects
even while Redis is down: the relay delivers them when Redis is back, and a worker runs each exactly once.
"""

from common import uitgaand


def plan_na_commit(taaknaam, *args, **kwargs):
    """Run Celery task ``taaknaam`` (its dotted name, e.g. ``"bewaring.tasks.voer_vernietiging_uit"``) with
    these arguments (JSON values) once the current transaction commits (at once outside a transaction)."""
    return uitgaand.plaats(taaknaam, args, kwargs)

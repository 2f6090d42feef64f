"""The transactional outbox: side effects of a write survive a Redis that is down, and happen once.

``plan_na_commit`` (``common.taken``) stores an :class:`~common.models.Uitgaand` row in the write's own
transaction and, once it commits, tries to hand it to Celery at once (best effort: a Redis that is down or hung
costs a fraction of a second and is only logged). The relay (:func:`relay`, every ``UITGAAND_RELAY_SECONDEN``
from Celery beat, and ``manage.py relay_uitgaand``) hands rows that were never delivered, or delivered long ago
and never finished, to Celery again.

A worker runs a row through :func:`voer_uit`: under a PostgreSQL advisory lock on the row, skipped when the row
is already finished. A second delivery (the relay and the immediate dispatch both got through, or Redis put a
message back after a worker died) therefore changes nothing; the tasks themselves are idempotent on their natural
keys as well (a beschikking, a verslag or a monitor run that exists is not made again).
"""

import contextlib
import importlib
import logging
from datetime import timedelta

from celery import current_app
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerFout
from redis.exceptions import RedisError

from common.models import Uitgaand

logger = logging.getLogger(__name__)

UITVOERTAAK = "common.tasks.voer_uitgaand_uit"
# The immediate dispatch runs right after commit; the relay leaves fresh rows to it for this long.
RELAY_WACHT = timedelta(seconds=10)
# A row handed to Celery but not finished after this long was lost (Redis lost the message): hand it over again.
OPNIEUW_NA = timedelta(minutes=30)
MAX_POGINGEN = 10
BATCH = 500
_SLOT_KLASSE = 7310  # first key of the advisory lock of an outbox row (the second is its id)


class NietBeschikbaar(Exception):
    """Another worker is running this row right now (or its connection has not been cleaned up yet)."""


def plaats(taaknaam, args=(), kwargs=None):
    """Store a side effect in the current transaction and try to deliver it once the transaction commits."""
    rij = Uitgaand.objects.create(taak=taaknaam, args=list(args), kwargs=dict(kwargs or {}))
    transaction.on_commit(lambda: geef_door(rij.pk, taaknaam))
    return rij


def taak(naam):
    """The registered Celery task ``naam`` (its dotted name); outside a worker its module is imported first."""
    if naam not in current_app.tasks:
        # Only the module of this task (importing every app's tasks would also load matplotlib etc.).
        importlib.import_module(naam.rsplit(".", 1)[0])
    return current_app.tasks[naam]


def geef_door(uitgaand_id, taaknaam):
    """Hand one row to Celery. Returns False (and logs) when the broker cannot be reached."""
    benoemd = taak(taaknaam)
    try:
        taak(UITVOERTAAK).apply_async(
            (uitgaand_id,), retry=False, ignore_result=True,
            time_limit=benoemd.time_limit, soft_time_limit=benoemd.soft_time_limit,
        )
    except (BrokerFout, RedisError, OSError) as fout:
        logger.warning("Uitgaande taak %s (%s) niet aan Celery gegeven; de relay probeert het later: %s",
                       uitgaand_id, taaknaam, fout)
        return False
    Uitgaand.objects.filter(pk=uitgaand_id).update(verstuurd_op=timezone.now(), pogingen=F("pogingen") + 1)
    return True


def te_versturen(nu=None):
    nu = nu or timezone.now()
    return (Uitgaand.objects.filter(afgerond_op__isnull=True, pogingen__lt=MAX_POGINGEN)
            .filter(Q(verstuurd_op__isnull=True, aangemaakt_op__lte=nu - RELAY_WACHT)
                    | Q(verstuurd_op__lte=nu - OPNIEUW_NA))
            .order_by("pk"))


def relay(nu=None):
    """Hand undelivered rows to Celery; stops at the first broker failure. Returns the number handed over."""
    aantal = 0
    for pk, taaknaam in te_versturen(nu).values_list("pk", "taak")[:BATCH]:
        if not geef_door(pk, taaknaam):
            break
        aantal += 1
    return aantal


def _slot(functie, uitgaand_id):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {functie}(%s, %s)", [_SLOT_KLASSE, uitgaand_id % 2**31])
        return cursor.fetchone()[0]


def voer_uit(uitgaand_id):
    """Run the task of one row, at most once. Raises :class:`NietBeschikbaar` while another worker holds it."""
    if not _slot("pg_try_advisory_lock", uitgaand_id):
        raise NietBeschikbaar(uitgaand_id)
    try:
        rij = Uitgaand.objects.filter(pk=uitgaand_id).first()
        if rij is None or rij.afgerond_op is not None:
            return None
        uitkomst = taak(rij.taak).run(*rij.args, **rij.kwargs)
        Uitgaand.objects.filter(pk=uitgaand_id).update(afgerond_op=timezone.now())
        return uitkomst
    finally:
        # When the connection is gone (PostgreSQL restarted), the session's lock went with it.
        with contextlib.suppress(DatabaseError):
            _slot("pg_advisory_unlock", uitgaand_id)

"""Scheduled work that catches up: each periodic job records the period it completed.

Beat fires a job at its moment (a crontab); when beat was down at that moment, the hourly catch-up
(``common.tasks.haal_planning_in``, also sent when beat starts) runs the jobs of ``settings.INHAALTAKEN`` again.
Each job asks :func:`eenmaal` whether its current period is still to do; the claim is a row with a unique
constraint, written in the job's own transaction, so a period is done once however often the job is started.
"""

from django.db import IntegrityError, transaction

from common.models import AfgerondePeriode


def eenmaal(taak, periode):
    """Claim ``periode`` of ``taak`` in the current transaction. True the first time, False when already done.

    Call inside ``transaction.atomic()`` together with the work: a rolled-back job leaves the period open."""
    try:
        with transaction.atomic():
            AfgerondePeriode.objects.create(taak=taak, periode=str(periode))
    except IntegrityError:
        return False
    return True


def is_afgerond(taak, periode):
    return AfgerondePeriode.objects.filter(taak=taak, periode=str(periode)).exists()

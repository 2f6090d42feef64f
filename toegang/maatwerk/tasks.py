"""Celery tasks for maatwerk (thin wrappers around services)."""

from celery import shared_task


@shared_task(time_limit=120, soft_time_limit=100, acks_late=True)
def maak_beschikking(aanvraag_id):
    """Make the beschikking PDF of a decided request (idempotent)."""
    from toegang.maatwerk import beschikking

    return beschikking.maak_beschikking(aanvraag_id)


@shared_task(time_limit=600, soft_time_limit=580)
def maak_ontbrekende_beschikkingen():
    """Daily safety net: decided requests whose beschikking is missing (e.g. the worker was down) get one."""
    from toegang.maatwerk import beschikking
    from toegang.models import Aanvraag

    ids = list(Aanvraag.objects.filter(status__in=["toegekend", "afgewezen"], beschikking="")
               .exclude(beslisser="extern").values_list("pk", flat=True)[:500])
    for pk in ids:
        beschikking.maak_beschikking(pk)
    return len(ids)


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def meld_teruggestuurd(aanvraag_id):
    """Tell the requester that their request was sent back and its term paused (link only, no personal details)."""
    from toegang.maatwerk.notificaties import stuur_teruggestuurd

    return stuur_teruggestuurd(aanvraag_id)

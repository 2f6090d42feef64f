"""Celery tasks for the melding part of toegang (thin wrappers around the notification functions)."""

from celery import shared_task

__all__ = ["stuur_dagoverzicht", "stuur_toewijzingsmail"]


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def stuur_toewijzingsmail(user_id, soort, pk):
    """Mail a professional that a melding or household was given to them (link only, no personal details)."""
    from toegang.melding.notificaties import stuur_toewijzing

    return stuur_toewijzing(user_id, soort, pk)


@shared_task(time_limit=30 * 60, soft_time_limit=29 * 60)
def stuur_dagoverzicht():
    """Daily at 07:00 (Celery beat), and caught up later that day when beat missed it: once per day."""
    from toegang.melding.notificaties import stuur_dagoverzicht_eenmaal

    return stuur_dagoverzicht_eenmaal()

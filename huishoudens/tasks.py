"""Thin Celery tasks of the dossier: they call services, are idempotent and have time limits."""

from celery import shared_task


@shared_task(time_limit=120, soft_time_limit=100)
def bewaar_verslag(gesprek_id):
    """Render and store the verslag of a final keukentafelgesprek (once; a second run changes nothing)."""
    from huishoudens.verslag import bewaar_definitief_verslag

    return bewaar_definitief_verslag(gesprek_id)


@shared_task(time_limit=1800, soft_time_limit=1700)
def verloop_nazorg():
    """Daily: teams lose access to households whose traject closed longer ago than the follow-up period."""
    from huishoudens.rechten import verloop_nazorg as verloop

    return verloop()

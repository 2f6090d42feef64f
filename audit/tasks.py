from celery import shared_task


@shared_task(time_limit=10 * 60, soft_time_limit=9 * 60)
def onderhoud_partities():
    """Daily (celery beat): the next months' log partitions exist; months past retention are detached."""
    from django.utils import timezone

    from audit import partities

    vandaag = timezone.now().date()
    return {"aangemaakt": partities.maak_partities_aan(vandaag), "ontkoppeld": partities.ontkoppel_verlopen(vandaag)}

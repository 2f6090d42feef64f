from celery import shared_task


@shared_task(time_limit=30 * 60, soft_time_limit=29 * 60)
def voer_vernietiging_uit(lijst_id):
    from bewaring import services

    services.voer_vernietiging_uit(lijst_id=lijst_id)


@shared_task(time_limit=10 * 60, soft_time_limit=9 * 60)
def stel_vernietigingslijsten_op():
    """Monthly (celery beat): refresh the concept list of every gemeente for the beheerder to review."""
    from bewaring import services
    from wijkteams.models import Gemeente

    for gemeente in Gemeente.objects.all():
        services.stel_lijst_op(gemeente=gemeente)

"""Thin Celery tasks around the monitoring services. Idempotent, with time limits."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from common import planning
from common.taken import plan_na_commit
from monitoring import perioden, rapport, services
from monitoring.models import MonitorRun
from wijkteams.models import Gemeente


@shared_task(time_limit=15 * 60, soft_time_limit=14 * 60, acks_late=True)
def bereken_monitor(run_id):
    """Compute one run (all indicators, per gebied and for the gemeente) and then make its PDFs."""
    run = services.bereken_run(run_id=run_id)
    if run.status == MonitorRun.Status.KLAAR:
        plan_na_commit("monitoring.tasks.maak_monitor_pdfs", run.pk)
    return {"run": run.pk, "status": run.status}


@shared_task(time_limit=15 * 60, soft_time_limit=14 * 60, acks_late=True)
def maak_monitor_pdfs(run_id):
    """The PDF monitor per gebied and for the whole gemeente, stored with the run."""
    return {"run": run_id, "pdfs": rapport.maak_alle_pdfs(run_id)}


@shared_task(time_limit=5 * 60, soft_time_limit=4 * 60)
def start_kwartaalmonitor():
    """Beat, after each quarter (and the hourly catch-up when beat missed that moment): a run of the quarter just
    ended for every gemeente, once per gemeente and quarter (common.planning)."""
    kwartaal = perioden.vorig_kwartaal(timezone.localdate())
    gestart = []
    for gemeente in Gemeente.objects.all():
        with transaction.atomic():
            if not planning.eenmaal(f"kwartaalmonitor:{gemeente.cbs_code}", kwartaal.label):
                continue
            if MonitorRun.objects.filter(gemeente=gemeente, van=kwartaal.van, tot=kwartaal.tot,
                                         status=MonitorRun.Status.KLAAR).exists():
                continue
            try:
                run = services.start_run(gemeente_id=gemeente.pk, periode=kwartaal, via=MonitorRun.Via.PLANNING)
            except services.ValidationError:
                continue  # already being computed
        gestart.append(run.pk)
    return {"kwartaal": kwartaal.label, "runs": gestart}

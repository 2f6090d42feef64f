"""Beat down across a quarter's end (and across 07:00): when beat starts again, the missed monitor runs and
today's digest happen, once."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from common.models import AfgerondePeriode
from common.tasks import haal_planning_in
from monitoring import perioden
from monitoring.models import MonitorRun
from monitoring.tasks import start_kwartaalmonitor
from tests.huishoudens.factories import maak_dossier
from tests.storingen.conftest import start_beat, wacht_tot
from tests.toegang_melding.factories import melding
from toegang.melding.notificaties import stuur_dagoverzicht_eenmaal

pytestmark = pytest.mark.storing
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_beat_terug_na_kwartaaleinde_start_de_gemiste_runs_eenmaal(celery_worker_proces, org, settings, tmp_path):
    kwartaal = perioden.vorig_kwartaal(timezone.localdate())
    assert not MonitorRun.objects.exists()  # beat was down when the quarter ended: nothing ran
    beat = start_beat(settings, tmp_path)
    try:
        wacht_tot(lambda: MonitorRun.objects.filter(label=kwartaal.label).count() == 2, seconden=180,
                  uitleg="de gemiste runs zijn gestart")
    finally:
        beat.terminate()
        beat.wait(timeout=20)
    # beat starts again, the hourly catch-up runs, the crontab fires late: nothing twice
    haal_planning_in.apply()
    start_kwartaalmonitor.apply()
    assert MonitorRun.objects.filter(label=kwartaal.label).count() == 2
    assert set(MonitorRun.objects.values_list("gestart_via", flat=True)) == {"planning"}
    assert AfgerondePeriode.objects.filter(periode=kwartaal.label).count() == 2


@pytest.mark.django_db
def test_gemist_dagoverzicht_wordt_die_dag_eenmaal_ingehaald(org):
    teamlid = org.mensen["teamlid"]
    teamlid.email = "teamlid@example.nl"
    teamlid.save()
    melding(maak_dossier(org), direct_aan=teamlid)
    assert stuur_dagoverzicht_eenmaal(datetime(2026, 11, 30, 6, 30, tzinfo=AMS)) is None  # before 07:00
    verstuurd = stuur_dagoverzicht_eenmaal(datetime(2026, 11, 30, 10, 15, tzinfo=AMS))  # beat back at 10:15
    assert verstuurd is not None and len(mail.outbox) == verstuurd
    assert stuur_dagoverzicht_eenmaal(datetime(2026, 11, 30, 11, 15, tzinfo=AMS)) is None  # hourly catch-up
    assert len(mail.outbox) == verstuurd  # nothing twice
    assert stuur_dagoverzicht_eenmaal(datetime(2026, 12, 1, 7, 0, tzinfo=AMS)) is not None  # the next day
    assert AfgerondePeriode.objects.filter(taak="dagoverzicht").count() == 2

"""Runs: one transaction, rerun replaces, failure leaves nothing, progress, beat schedule, a real worker."""

import time

import pytest
from django.core.exceptions import ValidationError
from django_celery_beat.models import PeriodicTask

from monitoring import indicatoren, perioden, services, tasks
from monitoring.models import IndicatorWaarde, MonitorBestand, MonitorRun
from tests.monitoring.casus import KWARTAAL, bereken, waarde


@pytest.mark.django_db
def test_kwartaalplanning_staat_na_migrate_in_celery_beat():
    taak = PeriodicTask.objects.get(task="monitoring.tasks.start_kwartaalmonitor")
    assert taak.enabled
    assert (taak.crontab.minute, taak.crontab.hour, taak.crontab.day_of_month, taak.crontab.month_of_year) == (
        "0", "2", "1", "1,4,7,10")
    assert str(taak.crontab.timezone) == "Europe/Amsterdam"


@pytest.mark.django_db
def test_opnieuw_berekenen_vervangt_de_run_van_die_periode(casus):
    eerste = bereken(casus.org)
    aantal = eerste.waarden.count()
    assert waarde(eerste, "hh_ondersteund")[0] == 10
    # new casework arrives, the period is computed again: the old run disappears with its numbers
    from tests.monitoring.casus import _huishouden, _traject

    h = _huishouden(casus.org, casus.org.wijk_b, "Huishouden Nieuw")
    _traject(h, casus.org.team_b, KWARTAAL.van)
    tweede = bereken(casus.org)
    assert not MonitorRun.objects.filter(pk=eerste.pk).exists()
    assert not IndicatorWaarde.objects.filter(run_id=eerste.pk).exists()
    assert list(MonitorRun.objects.filter(van=KWARTAAL.van, tot=KWARTAAL.tot, status="klaar")) == [tweede]
    assert waarde(tweede, "hh_ondersteund")[0] == 11
    assert tweede.waarden.count() == aantal


@pytest.mark.django_db
def test_een_mislukte_berekening_laat_geen_halve_run_achter(casus, monkeypatch):
    oud = bereken(casus.org)
    origineel = indicatoren.FUNCTIES["ladder"]

    def stuk(**kwargs):
        raise RuntimeError("database weg")

    # the second function fails after the first has written its numbers in the same transaction
    monkeypatch.setitem(indicatoren.FUNCTIES, "ladder", origineel.__class__("ladder", origineel.codes, stuk))
    run = services.start_run(gemeente_id=casus.org.gemeente.pk, periode=KWARTAAL, taak=False)
    with pytest.raises(RuntimeError):
        services.bereken_run(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == "mislukt" and "database weg" in run.fout
    assert not run.waarden.exists()
    # the earlier run of the period is untouched and still the one shown
    assert MonitorRun.objects.get(van=KWARTAAL.van, tot=KWARTAAL.tot, status="klaar") == oud
    assert waarde(oud, "hh_ondersteund")[0] == 10


@pytest.mark.django_db
def test_voortgang_komt_uit_redis_zolang_de_run_bezig_is(org):
    run = services.start_run(gemeente_id=org.gemeente.pk, periode=KWARTAAL, taak=False)
    assert services.voortgang(run) == (0, "")
    MonitorRun.objects.filter(pk=run.pk).update(status="bezig")
    run.refresh_from_db()
    services.zet_voortgang(run.pk, 40, "bereik")
    assert services.voortgang(run) == (40, "bereik")
    run = services.bereken_run(run_id=run.pk)
    assert services.voortgang(run) == (100, "")


@pytest.mark.django_db
def test_een_periode_die_al_berekend_wordt_start_niet_twee_keer(org):
    services.start_run(gemeente_id=org.gemeente.pk, periode=KWARTAAL, taak=False)
    with pytest.raises(ValidationError, match="al een monitor berekend"):
        services.start_run(gemeente_id=org.gemeente.pk, periode=KWARTAAL, taak=False)


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["teamlid", "beheer", "coordinator_andere_gemeente"])
def test_alleen_beleid_en_coordinator_van_de_gemeente_starten_een_run(org, wie):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.start_run(gemeente_id=org.gemeente.pk, periode=KWARTAAL, door=org.mensen[wie], taak=False)


@pytest.mark.django_db
def test_perioden():
    assert (perioden.kwartaal(2026, 1).van.isoformat(), perioden.kwartaal(2026, 1).tot.isoformat()) == (
        "2026-01-01", "2026-03-31")
    assert perioden.halfjaar(2025, 2).label == "2025-H2" and perioden.halfjaar(2025, 2).tot.isoformat() == "2025-12-31"
    from datetime import date

    assert perioden.vorig_kwartaal(date(2026, 1, 1)).label == "2025-K4"
    assert perioden.vorig_kwartaal(date(2026, 11, 25)).label == "2026-K3"


@pytest.mark.django_db
def test_kwartaaltaak_start_een_run_per_gemeente_en_slaat_klare_over(org):
    resultaat = tasks.start_kwartaalmonitor()
    assert len(resultaat["runs"]) == 2  # Ridderkerk and Alblasserdam
    assert MonitorRun.objects.filter(gestart_via="planning", label=resultaat["kwartaal"]).count() == 2
    assert tasks.start_kwartaalmonitor()["runs"] == []  # already running: nothing twice


@pytest.mark.celery_worker
def test_echte_worker_berekent_een_run_en_maakt_de_pdfs(celery_worker_proces, casus):
    run = services.start_run(gemeente_id=casus.org.gemeente.pk, periode=KWARTAAL,
                             door=casus.org.mensen["beleidsmedewerker"])
    # the transactional test commits right away, so on_commit has handed the run to the worker via Redis
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status in ("klaar", "mislukt") and MonitorBestand.objects.filter(run=run).count() == 3:
            break
        time.sleep(0.5)
    assert run.status == "klaar", run.fout
    assert waarde(run, "hh_ondersteund")[0] == 10
    assert MonitorBestand.objects.filter(run=run).count() == 3  # gemeente + 2 gebieden
    assert run.duur_ms is not None and run.gestart_op is not None

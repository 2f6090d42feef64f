"""A real worker whose child is killed (SIGKILL) in the middle of a task: acks_late + reject_on_worker_lost put
the task back, the retry finishes it, and the outbox and the tasks' natural keys make it happen exactly once.

Each test blocks the task at a known point with a lock held by a second connection, kills the child while it
waits, then releases the lock."""

import zlib

import pytest
from django.core import mail  # noqa: F401  (the worker mails to files; see the mail test)

from audit.models import AuditEvent
from common.models import Uitgaand
from monitoring import services as monitoring_services
from monitoring.models import IndicatorWaarde, MonitorBestand, MonitorRun
from tests.huishoudens.factories import maak_dossier
from tests.monitoring.casus import KWARTAAL
from tests.storingen.conftest import Slot, dood_kind_midden_in_taak, wacht_tot
from tests.toegang_maatwerk.factories import maak_dossier as maatwerk_dossier
from tests.toegang_maatwerk.factories import vraag_aan
from tests.toegang_melding.factories import melding
from toegang.maatwerk import services as maatwerk_services
from toegang.melding import services as melding_services
from toegang.models import Aanvraag

# serieel: the tests kill worker processes and wait for the retry; in the parallel part of bin/test the monitor
# run's PDFs were missing after other tests in the same process (passes alone and with -n 2 on its own; the
# cause is not yet found, see the issue 20 note)
pytestmark = [pytest.mark.storing, pytest.mark.celery_worker, pytest.mark.serieel,
              pytest.mark.django_db(transaction=True)]


def _afgerond(taak):
    return Uitgaand.objects.filter(taak=taak, afgerond_op__isnull=False).count()


def test_monitorrun_eenmaal_na_gedode_worker(prefork_werker, casus):
    gemeente = casus.org.gemeente
    sleutel = zlib.crc32(f"monitor:{gemeente.pk}:{KWARTAAL.van}:{KWARTAAL.tot}".encode())
    run = monitoring_services.start_run(gemeente_id=gemeente.pk, periode=KWARTAAL,
                                        door=casus.org.mensen["beleidsmedewerker"])
    slot = Slot(("SELECT pg_advisory_lock(%s)", [sleutel]))  # the run's own lock, taken before it computes
    werker = prefork_werker()
    dood_kind_midden_in_taak(werker, slot)
    wacht_tot(lambda: _afgerond("monitoring.tasks.maak_monitor_pdfs") == 1, seconden=120, uitleg="run en pdf's")
    run.refresh_from_db()
    assert run.status == MonitorRun.Status.KLAAR, run.fout
    assert MonitorRun.objects.filter(gemeente=gemeente, label=KWARTAAL.label).count() == 1
    waarden = IndicatorWaarde.objects.filter(run=run)
    assert waarden.exists()
    assert waarden.count() == len(set(waarden.values_list("indicator_id", "gebied_id", "wijk_id", "categorie")))
    assert MonitorBestand.objects.filter(run=run).count() == 3  # gemeente + 2 gebieden, once
    assert _afgerond("monitoring.tasks.bereken_monitor") == 1


def test_beschikking_eenmaal_na_gedode_worker(prefork_werker, mw, settings):
    dossier = maatwerk_dossier(mw.team_a, regisseur=mw.mensen["teamlid"], door=mw.mensen["coordinator_eigen_gebied"])
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    maatwerk_services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                            besluit=Aanvraag.Status.TOEGEKEND, reden="Toegekend")
    # The task renders the PDF, then locks the request row to store it: it waits here.
    slot = Slot(("SELECT id FROM toegang_aanvraag WHERE id = %s FOR UPDATE", [aanvraag.pk]))
    werker = prefork_werker()
    dood_kind_midden_in_taak(werker, slot)
    wacht_tot(lambda: _afgerond("toegang.maatwerk.tasks.maak_beschikking") == 1, seconden=90, uitleg="beschikking")
    aanvraag.refresh_from_db()
    assert aanvraag.beschikking
    assert len(list(settings.MEDIA_ROOT.rglob(f"beschikking-{aanvraag.pk}*.pdf"))) == 1
    assert AuditEvent.objects.filter(object_type="toegang.aanvraag", object_id=str(aanvraag.pk),
                                     detail__has_key="beschikking").count() == 1


def test_toewijzingsmail_eenmaal_na_gedode_worker(prefork_werker, org, tmp_path, monkeypatch):
    postvak = tmp_path / "mail"
    monkeypatch.setenv("WORKER_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    monkeypatch.setenv("EMAIL_FILE_PATH", str(postvak))
    teamlid = org.mensen["teamlid"]
    teamlid.email = "teamlid@example.nl"
    teamlid.save()
    m = melding(maak_dossier(org))
    melding_services.wijs_meldingen_toe(melding_ids=[m.pk], aan=teamlid, door=org.mensen["coordinator_eigen_gebied"])
    # The task looks up the melding's receipt number before it mails: it waits here.
    slot = Slot(("LOCK TABLE toegang_melding IN ACCESS EXCLUSIVE MODE", None))
    werker = prefork_werker()
    dood_kind_midden_in_taak(werker, slot)
    wacht_tot(lambda: _afgerond("toegang.melding.tasks.stuur_toewijzingsmail") == 1, seconden=90, uitleg="mail")
    mails = [p.read_text() for p in postvak.iterdir()]
    assert len([t for t in mails if m.ontvangstnummer in t]) == 1

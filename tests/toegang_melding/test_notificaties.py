"""Notifications: assignment mail after commit (a rolled-back transaction sends nothing), sent by a real Celery
worker; the daily digest per professional without BSN or health details; the beat schedule exists."""

import time
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from huishoudens.models import Persoon
from tests.factories import maak_gebruiker
from tests.toegang_melding.factories import catalogi, maak_huishouden, melding, postcodes
from toegang.melding import services
from toegang.melding.notificaties import stuur_dagoverzichten
from toegang.models import Melding
from wijkteams import rollen

DRIE = ["financien", "opvoeding", "geestelijke_gezondheid"]


@pytest.fixture
def celery_eager():
    from config.celery import app

    oud = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = oud


def _met_email(user):
    user.email = f"{user.username}@wijkteam.example.nl"
    user.save(update_fields=["email"])
    return user


def _gevoelig_huishouden(org):
    h = maak_huishouden(org.wijk_a, kind=True, naam="Huishouden Vermeulen", straat="Geheimstraat")
    Persoon.objects.filter(huishouden=h).update(bsn=None)
    Persoon.objects.create(huishouden=h, voornamen="Piet", achternaam="Vermeulen", bsn="999990019",
                           geboortedatum=date(1975, 5, 5))
    return h


@pytest.mark.django_db
def test_toewijzingsmail_na_commit_zonder_persoonsgegevens(org, celery_eager, django_capture_on_commit_callbacks):
    teamlid = _met_email(org.mensen["teamlid_jgt"])
    h = _gevoelig_huishouden(org)
    m = melding(h, leefgebieden=DRIE, vraag="Vader heeft een depressie en schulden")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.wijs_meldingen_toe(melding_ids=[m.pk], aan=teamlid, door=org.mensen["coordinator_eigen_gebied"])
    assert len(callbacks) == 1 and len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == [teamlid.email] and m.ontvangstnummer in bericht.subject
    assert f"/toegang/meldingen/{m.pk}/" in bericht.body
    for geheim in ("Vermeulen", "999990019", "Geheimstraat", "depressie", "Geestelijke", "2981"):
        assert geheim not in bericht.body and geheim not in bericht.subject


@pytest.mark.django_db
def test_teruggedraaide_transactie_plant_geen_mail(org, celery_eager, django_capture_on_commit_callbacks):
    teamlid = _met_email(org.mensen["teamlid_jgt"])
    m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    coord = org.mensen["coordinator_eigen_gebied"]
    with (django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError),
          transaction.atomic()):
        services.wijs_meldingen_toe(melding_ids=[m.pk], aan=teamlid, door=coord)
        raise RuntimeError("iets ging mis")
    assert callbacks == [] and mail.outbox == []
    m.refresh_from_db()
    assert m.behandelaar is None


@pytest.mark.django_db
def test_dagoverzicht_per_professional_zonder_bsn_of_gezondheid(org):
    teamlid = _met_email(org.mensen["teamlid_jgt"])
    h = _gevoelig_huishouden(org)
    m = melding(h, leefgebieden=DRIE, vraag="Moeder heeft een psychose gehad", direct_aan=teamlid)
    services.pak_melding_op(melding=m, door=teamlid)
    Melding.objects.filter(pk=m.pk).update(onderzoek_uiterlijk=timezone.localdate() - timedelta(days=2))
    m.traject.volgende_evaluatie = timezone.localdate() + timedelta(days=3)
    m.traject.save()
    niet_dringend = melding(maak_huishouden(org.wijk_a), door=_met_email(org.mensen["teamlid"]))
    assert stuur_dagoverzichten() == 1
    bericht = mail.outbox[0]
    assert bericht.to == [teamlid.email]
    assert m.ontvangstnummer in bericht.body and "TE LAAT" in bericht.body and "binnen een week" in bericht.body
    assert f"Evaluatie traject {m.traject_id}" in bericht.body and niet_dringend.ontvangstnummer not in bericht.body
    for geheim in ("999990019", "Vermeulen", "Piet", "psychose", "Geestelijke", "geestelijke", "Geheimstraat"):
        assert geheim not in bericht.body and geheim not in bericht.subject


@pytest.mark.django_db
def test_dagoverzicht_gaat_bij_afwezigheid_naar_de_vervanger(org):
    teamlid = _met_email(org.mensen["teamlid"])
    vervanger = _met_email(maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vervanger", teams=[org.team_a]))
    m = melding(maak_huishouden(org.wijk_a), door=teamlid)
    Melding.objects.filter(pk=m.pk).update(onderzoek_uiterlijk=timezone.localdate())
    vandaag = timezone.localdate()
    services.registreer_afwezigheid(medewerker=teamlid, van=vandaag, tot=vandaag, vervanger=vervanger, door=teamlid)
    stuur_dagoverzichten()
    assert [b.to for b in mail.outbox] == [[vervanger.email]] and m.ontvangstnummer in mail.outbox[0].body


@pytest.mark.django_db
def test_celery_beat_plant_het_dagoverzicht():
    from django_celery_beat.models import PeriodicTask

    taak = PeriodicTask.objects.get(task="toegang.melding.tasks.stuur_dagoverzicht")
    assert taak.enabled and taak.crontab.hour == "7"


@pytest.fixture
def worker_met_mailmap(request, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKER_EMAIL_BACKEND", "tests.toegang_melding.mailbackend.MapBackend")
    monkeypatch.setenv("EMAIL_FILE_PATH", str(tmp_path))
    request.getfixturevalue("celery_worker_proces")
    return tmp_path


def _mails(map_):
    return [p.read_text() for p in sorted(map_.iterdir())]


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_echte_worker_stuurt_toewijzingsmail_alleen_na_commit(worker_met_mailmap, org):
    postcodes(org)
    catalogi(org.gemeente)
    teamlid = _met_email(org.mensen["teamlid_jgt"])
    coord = org.mensen["coordinator_eigen_gebied"]
    teruggedraaid = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    echt = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)

    with pytest.raises(RuntimeError), transaction.atomic():
        services.wijs_meldingen_toe(melding_ids=[teruggedraaid.pk], aan=teamlid, door=coord)
        raise RuntimeError("teruggedraaid")
    services.wijs_meldingen_toe(melding_ids=[echt.pk], aan=teamlid, door=coord)

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _mails(worker_met_mailmap):
        time.sleep(0.2)
    time.sleep(1.5)  # give a wrongly queued second mail the chance to arrive too
    mails = _mails(worker_met_mailmap)
    assert len(mails) == 1, mails
    assert echt.ontvangstnummer in mails[0] and teruggedraaid.ontvangstnummer not in mails[0]
    assert teamlid.email in mails[0] and "Huishouden" not in mails[0]

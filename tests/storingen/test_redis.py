"""Redis stopped or frozen (SIGSTOP, as a hung server): writes are stored or answered with a Dutch 503 within a
second, never a 500; side effects wait in the outbox and happen exactly once when Redis is back."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from common import uitgaand
from common.models import Uitgaand
from huishoudens import services as huishoudens_services
from tests.huishoudens.factories import maak_dossier
from tests.storingen.conftest import wacht_tot
from tests.toegang_maatwerk.factories import maak_dossier as maatwerk_dossier
from tests.toegang_maatwerk.factories import vraag_aan
from tests.toegang_melding.test_inwoners import vraag as inwonervraag
from tests.toegang_melding.test_partner_api import URL as PARTNER_URL
from tests.toegang_melding.test_partner_api import client_met, geldig
from toegang.maatwerk import services as maatwerk_services
from toegang.models import Aanvraag, Melding

pytestmark = [pytest.mark.storing, pytest.mark.django_db(transaction=True)]


def stoor(redis, toestand):
    redis.bevries() if toestand == "bevroren" else redis.stop()


def herstel(redis, toestand):
    redis.ontdooi() if toestand == "bevroren" else redis.start()


def getimed(functie, *args, **kwargs):
    begin = time.monotonic()
    uitkomst = functie(*args, **kwargs)
    return uitkomst, time.monotonic() - begin


@pytest.mark.parametrize("toestand", ["bevroren", "gestopt"])
def test_partnermelding_zonder_redis_krijgt_503_en_daarna_201(redis, org, partners, toestand):
    partner = client_met(partners["sleutel_a"])
    assert partner.get(PARTNER_URL).status_code == 200  # warm: the timing below is Redis' share only
    stoor(redis, toestand)
    antwoord, duur = getimed(partner.post, PARTNER_URL, geldig(), format="json")
    assert antwoord.status_code == 503, antwoord.content
    assert antwoord["Retry-After"] == "30" and "tijdelijk niet beschikbaar" in antwoord.json()["detail"]
    assert duur < 1.0
    assert not Melding.objects.exists()  # told to try again, nothing half-stored
    herstel(redis, toestand)
    assert partner.post(PARTNER_URL, geldig(), format="json").status_code == 201
    assert Melding.objects.count() == 1


@pytest.mark.parametrize("toestand", ["bevroren", "gestopt"])
def test_inwonervraag_zonder_redis_krijgt_503_pagina_en_daarna_ontvangstnummer(redis, client, org, cat, toestand):
    assert client.get("/toegang/inwoners/vraag/").status_code == 200  # warm
    stoor(redis, toestand)
    antwoord, duur = getimed(client.post, "/toegang/inwoners/vraag/", inwonervraag(), REMOTE_ADDR="10.1.2.3")
    assert antwoord.status_code == 503 and antwoord["Retry-After"] == "30" and duur < 1.0
    assert "Tijdelijk niet beschikbaar" in antwoord.content.decode()
    assert not Melding.objects.exists()
    herstel(redis, toestand)
    antwoord = client.post("/toegang/inwoners/vraag/", inwonervraag(), REMOTE_ADDR="10.1.2.3")
    assert antwoord.status_code == 200 and Melding.objects.get().ontvangstnummer in antwoord.content.decode()


def _na_herstel_precies_eenmaal(rij, klaar):
    """The relay hands the waiting row to the worker; it runs once, and nothing after that runs it again."""
    assert uitgaand.relay(nu=timezone.now() + timedelta(seconds=11)) == 1
    wacht_tot(lambda: Uitgaand.objects.get(pk=rij.pk).afgerond_op is not None, uitleg="uitgaande taak afgerond")
    assert klaar()
    assert uitgaand.relay(nu=timezone.now() + timedelta(hours=1)) == 0
    assert uitgaand.voer_uit(rij.pk) is None  # a second delivery changes nothing


def test_definitief_verslag_terwijl_redis_bevroren_is(redis, werker, org, client, settings):
    teamlid = org.mensen["teamlid"]
    h = maak_dossier(org, regisseur=teamlid)
    client.force_login(teamlid)
    uitgaand.taak("huishoudens.tasks.bewaar_verslag")  # a warm process: the timing below is Redis' share only
    redis.bevries()
    velden = {"datum": "2026-02-01", "plaats": "telefoon", "afspraken": "Bellen over één week",
              "clientondersteuning_aangeboden": True}
    gesprek, duur = getimed(huishoudens_services.bewaar_gesprek, traject=h.trajecten.get(), door=teamlid,
                            definitief=True, velden=velden)
    assert duur < 1.0
    assert client.get(h.get_absolute_url()).status_code == 200  # staff pages keep working
    assert client.get(reverse("toegang:werkvoorraad")).status_code == 200
    rij = Uitgaand.objects.get(taak="huishoudens.tasks.bewaar_verslag")
    assert rij.args == [gesprek.pk] and rij.verstuurd_op is None and rij.afgerond_op is None
    redis.ontdooi()

    def klaar():
        gesprek.refresh_from_db()
        bestanden = list((settings.MEDIA_ROOT).rglob(f"verslag-{gesprek.pk}-*.pdf"))
        return bool(gesprek.verslag_pdf) and len(bestanden) == 1

    _na_herstel_precies_eenmaal(rij, klaar)


def test_maatwerkbesluit_terwijl_redis_gestopt_is(redis, werker, mw, settings):
    dossier = maatwerk_dossier(mw.team_a, regisseur=mw.mensen["teamlid"], door=mw.mensen["coordinator_eigen_gebied"])
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    uitgaand.taak("toegang.maatwerk.tasks.maak_beschikking")  # warm, as above
    redis.stop()
    _, duur = getimed(maatwerk_services.besluit_over_aanvraag, aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                      besluit=Aanvraag.Status.TOEGEKEND, reden="Toegekend terwijl Redis weg was")
    assert duur < 1.0
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Aanvraag.Status.TOEGEKEND  # the write is stored
    rij = Uitgaand.objects.get(taak="toegang.maatwerk.tasks.maak_beschikking")
    assert rij.verstuurd_op is None
    redis.start()

    def klaar():
        bestanden = list(settings.MEDIA_ROOT.rglob(f"beschikking-{aanvraag.pk}*.pdf"))
        gemaakt = AuditEvent.objects.filter(object_type="toegang.aanvraag", object_id=str(aanvraag.pk),
                                            detail__has_key="beschikking")
        return len(bestanden) == 1 and gemaakt.count() == 1

    _na_herstel_precies_eenmaal(rij, klaar)

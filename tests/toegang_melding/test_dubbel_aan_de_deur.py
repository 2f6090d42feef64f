"""Issue 17, duplicates caught at the door: every intake channel looks for the inwoner by BSN and by surname with
birth date (and for the household by address) and suggests the known household to the PROFESSIONAL; the resident
and the partner get the same answer whether or not a match exists."""

import re
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import Huishouden, Persoon
from tests.huishoudens.factories import volgend_bsn
from tests.toegang_melding.factories import maak_huishouden, maak_partner, melding
from tests.toegang_melding.test_inwoners import _ip, vraag
from tests.toegang_melding.test_paginas import _formdata
from tests.toegang_melding.test_partner_api import URL, client_met, geldig
from toegang.melding import services
from toegang.models import Melding

pytestmark = pytest.mark.django_db
NUMMER = re.compile(rb"M-\d{4}-\d{6}")
GEBOREN = date(1985, 4, 12)


@pytest.fixture
def bekend(org, cat):
    """A household known at ANOTHER address (2981 AB 50) than the ones the tests send, with Fatima El Amrani
    (born 12-4-1985, a BSN) and an open traject in team A, with the teamlid as regisseur."""
    h = maak_huishouden(org.wijk_a, huisnummer=50, postcode="2981 AB", naam="Huishouden Geheim")
    Persoon.objects.create(huishouden=h, voornamen="Fatima", achternaam="Amrani", geboortedatum=GEBOREN,
                           bsn=volgend_bsn(), rol=Persoon.Rol.PARTNER)
    m = melding(h, leefgebieden=["financien", "huisvesting"])
    services.pak_melding_op(melding=m, door=org.mensen["teamlid"])
    mail.outbox.clear()
    return h


def _bsn_van(h):
    return h.personen.exclude(bsn__isnull=True).get().bsn


def _vaste_klok(monkeypatch):
    moment = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def _zonder_nummer(inhoud):
    return NUMMER.sub(b"M-XXXX-XXXXXX", inhoud)


def _koppelpagina(client, org, m):
    client.force_login(org.mensen["teamlid"])
    pagina = client.get(m.get_absolute_url())
    assert pagina.status_code == 200 and "Koppelen aan een huishouden" in pagina.content.decode()
    return pagina.content.decode()


def test_inwonersformulier_naam_en_geboortedatum(client, org, bekend, monkeypatch):
    """Same surname and birth date as the known person, at an unknown address: the resident sees exactly what
    someone unknown sees; the professional who links it is offered the known household."""
    _vaste_klok(monkeypatch)
    huishoudens = Huishouden.objects.count()
    met = client.post("/toegang/inwoners/vraag/", vraag(huisnummer="91", geboortedatum="1985-04-12"),
                      REMOTE_ADDR=_ip())
    m_met = Melding.objects.latest("id")
    zonder = client.post("/toegang/inwoners/vraag/", vraag(huisnummer="91", geboortedatum="1990-01-01"),
                         REMOTE_ADDR=_ip())
    m_zonder = Melding.objects.latest("id")
    assert met.status_code == zonder.status_code == 200
    assert NUMMER.search(met.content) and _zonder_nummer(met.content) == _zonder_nummer(zonder.content)
    assert b"Huishouden Geheim" not in met.content and b"bekend" not in met.content.lower()
    assert m_met.huishouden is None and m_zonder.huishouden is None
    assert Huishouden.objects.count() == huishoudens and mail.outbox == []
    assert bekend.meldingen.count() == 1

    assert "Huishouden Geheim" in _koppelpagina(client, org, m_met)
    assert "Huishouden Geheim" not in _koppelpagina(client, org, m_zonder)
    antwoord = client.post(reverse("toegang:melding_koppelen", args=[m_met.pk]), {"huishouden": str(bekend.pk)})
    assert antwoord.status_code == 302
    m_met.refresh_from_db()
    assert m_met.huishouden == bekend and m_met.status == Melding.Status.GEKOPPELD


def test_formulier_geboortedatum_is_niet_verplicht_en_heeft_een_label(client, org, cat):
    pagina = client.get("/toegang/inwoners/vraag/").content.decode()
    assert 'for="id_geboortedatum"' in pagina and "Uw geboortedatum (niet verplicht)" in pagina
    assert client.post("/toegang/inwoners/vraag/", vraag(huisnummer="91"), REMOTE_ADDR=_ip()).status_code == 200
    fout = client.post("/toegang/inwoners/vraag/", vraag(huisnummer="91", geboortedatum="gisteren"),
                       REMOTE_ADDR=_ip())
    assert fout.status_code == 400 and "Voer een geldige datum in." in fout.content.decode()


def test_partner_api_naam_en_geboortedatum_zelfde_antwoord(client, org, bekend, monkeypatch):
    """A partner sends the surname and birth date of the known person: the answer is the same as for an unknown
    birth date (status, body shape and text, bar the receipt number); the professional is offered the known
    household. A BSN is not taken at this door at all (tests/toegang_melding/test_partner_api.py)."""
    _vaste_klok(monkeypatch)
    c = client_met(services.maak_partner_token(organisatie=maak_partner(org.gemeente), naam="Praktijk")[1])
    a = c.post(URL, geldig(huisnummer=77, kinderen_onder_18=False, achternaam="Amrani", geboortedatum="1985-04-12"),
               format="json", REMOTE_ADDR=_ip())
    m_a = Melding.objects.latest("id")
    b = c.post(URL, geldig(huisnummer=77, kinderen_onder_18=False, achternaam="Amrani", geboortedatum="1990-01-01"),
               format="json", REMOTE_ADDR=_ip())
    m_b = Melding.objects.latest("id")
    assert a.status_code == b.status_code == 201
    assert sorted(a.json()) == sorted(b.json()) and _zonder_nummer(a.content) == _zonder_nummer(b.content)
    for antwoord in (a, b):
        gelezen = c.get(f"{URL}{antwoord.json()['ontvangstnummer']}/", REMOTE_ADDR=_ip())
        assert gelezen.status_code == 200 and gelezen.json()["status"] == "ontvangen"
    assert bekend.meldingen.count() == 1 and mail.outbox == []
    # a wrong date is refused for everybody alike, before anything is looked up
    fout = c.post(URL, geldig(geboortedatum="12-04-1985x"), format="json", REMOTE_ADDR=_ip())
    assert fout.status_code == 400 and list(fout.json()) == ["geboortedatum"]

    assert "Huishouden Geheim" in _koppelpagina(client, org, m_a)
    assert "Huishouden Geheim" not in _koppelpagina(client, org, m_b)


def test_personeelsformulier_stelt_het_bekende_huishouden_voor(client, org, cat, bekend):
    """The staff form: a BSN known at another address stops before anything is registered and offers the known
    household or the given address; the professional's choice decides."""
    client.force_login(org.mensen["teamlid"])
    url = reverse("toegang:melding_nieuw")
    data = _formdata(cat, naam="Amrani", bsn=_bsn_van(bekend))
    aantal = Melding.objects.count()
    stap = client.post(url, data)
    assert stap.status_code == 200 and Melding.objects.count() == aantal
    inhoud = stap.content.decode()
    assert "Deze inwoner lijkt al bekend" in inhoud and "Huishouden Geheim" in inhoud
    assert 'name="koppel_aan"' in inhoud and f'value="{bekend.pk}"' in inhoud

    fout = client.post(url, {**data, "koppel_aan": "999999"})
    assert fout.status_code == 400 and "Kies een van de genoemde huishoudens." in fout.content.decode()
    assert Melding.objects.count() == aantal

    gekoppeld = client.post(url, {**data, "koppel_aan": str(bekend.pk)})
    assert gekoppeld.status_code == 302
    assert Melding.objects.latest("id").huishouden == bekend


def test_personeelsformulier_naam_geboortedatum_of_toch_het_adres(client, org, cat, bekend):
    client.force_login(org.mensen["teamlid"])
    url = reverse("toegang:melding_nieuw")
    data = _formdata(cat, naam="Amrani", geboortedatum="1985-04-12")
    assert "Huishouden Geheim" in client.post(url, data).content.decode()
    antwoord = client.post(url, {**data, "koppel_aan": "adres"})
    assert antwoord.status_code == 302
    nieuw = Melding.objects.latest("id").huishouden
    assert nieuw != bekend and nieuw.huisnummer == 7
    # without BSN or birth date nothing is looked up: the old flow, straight to the melding
    assert client.post(url, _formdata(cat, huisnummer="8")).status_code == 302

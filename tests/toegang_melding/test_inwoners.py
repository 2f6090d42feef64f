"""Public resident pages: wijkteam by postcode, the public sociale kaart, the question form (rate-limited)."""

import datetime
import random

import pytest

from huishoudens.models import Huishouden
from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.models import Melding
from wijkteams.models import Aanbod, Locatie

pytestmark = pytest.mark.django_db


def _ip():
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def vraag(**extra):
    data = {"postcode": "2981 AB", "huisnummer": "3", "straat": "Kerkweg", "woonplaats": "Ridderkerk",
            "naam": "Fatima El Amrani", "contact": "06-12345678",
            "vraag": "Ik heb hulp nodig met mijn post en rekeningen.", "leefgebieden": ["financien"],
            "toestemming": "on", "website": ""}
    data.update(extra)
    return data


def test_postcode_toont_wijkteam_ankerplaats_en_spreekuur(client, org, cat):
    Locatie.objects.create(gemeente=org.gemeente, wijk=org.wijk_a, soort=Locatie.Soort.ANKERPLAATS,
                           naam="Ankerplaats Bolnes", adres="Wijkcentrum", spreekuren="Dinsdag 9.00-11.00 uur")
    assert client.get("/toegang/inwoners/").status_code == 200
    antwoord = client.get("/toegang/inwoners/", {"postcode": "2981ab"}, REMOTE_ADDR=_ip())
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Ankerplaats Bolnes" in inhoud and "Dinsdag 9.00-11.00 uur" in inhoud and org.team_a_jgt.naam in inhoud
    Locatie.objects.filter(naam="Ankerplaats Bolnes").update(geldig_van=datetime.date(2019, 1, 1),
                                                             geldig_tot=datetime.date(2020, 1, 1))
    inhoud = client.get("/toegang/inwoners/", {"postcode": "2981ab"}, REMOTE_ADDR=_ip()).content.decode()
    assert "Ankerplaats Bolnes" not in inhoud and org.team_a_jgt.naam in inhoud  # an ended place is gone
    antwoord = client.get("/toegang/inwoners/", {"postcode": "1234 ZZ"}, REMOTE_ADDR=_ip())
    assert antwoord.status_code == 400 and "geen wijkteam" in antwoord.content.decode()
    antwoord = client.get("/toegang/inwoners/", {"postcode": "<script>"}, REMOTE_ADDR=_ip())
    assert antwoord.status_code == 400 and "<script>" not in antwoord.content.decode()


def test_publieke_sociale_kaart_alleen_openbaar_aanbod(client, org):
    Aanbod.objects.create(gemeente=org.gemeente, soort=Aanbod.Soort.ACTIVITEIT, naam="Koffieochtend Bolnes",
                          openbaar=True)
    Aanbod.objects.create(gemeente=org.gemeente, soort=Aanbod.Soort.PROFESSIONEEL, naam="Intern overleg",
                          openbaar=False)
    Aanbod.objects.create(gemeente=org.andere_gemeente, soort=Aanbod.Soort.ACTIVITEIT, naam="Markt Alblasserdam")
    inhoud = client.get("/toegang/inwoners/sociale-kaart/", {"gemeente": "0597"}).content.decode()
    assert "Koffieochtend Bolnes" in inhoud and "Intern overleg" not in inhoud and "Markt Alblasserdam" not in inhoud
    inhoud = client.get("/toegang/inwoners/sociale-kaart/", {"gemeente": "0597", "zoek": "markt"}).content.decode()
    assert "Koffieochtend" not in inhoud


def test_inwoner_stelt_vraag_en_krijgt_ontvangstnummer_maar_geen_dossier(client, org, cat):
    bestaand = maak_huishouden(org.wijk_a, huisnummer=3, postcode="2981 AB", naam="Huishouden Geheim")
    melding(bestaand, leefgebieden=["financien", "huisvesting"])
    assert client.get("/toegang/inwoners/vraag/", REMOTE_ADDR=_ip()).status_code == 200
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=_ip())
    inhoud = antwoord.content.decode()
    m = Melding.objects.latest("id")
    assert antwoord.status_code == 200 and m.ontvangstnummer in inhoud
    assert "Geheim" not in inhoud and "traject" not in inhoud.lower()
    # never attached to the existing household: it waits in the team's queue to be linked by a professional
    assert m.kanaal.code == "online" and m.toestemming and m.huishouden is None and m.geregistreerd_door is None
    assert m.traject is None and m.behandelaar is None and m.status == Melding.Status.NIEUW
    assert m.opgegeven_adres["postcode"] == "2981 AB" and m.opgegeven_adres["huisnummer"] == 3


def test_vraagformulier_strikt_gevalideerd(client, org, cat):
    aantal = Melding.objects.count(), Huishouden.objects.count()
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(toestemming="", leefgebieden=[], vraag="kort",
                                                             huisnummer="abc"), REMOTE_ADDR=_ip())
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Controleer de volgende gegevens" in inhoud
    assert "Zonder uw toestemming" in inhoud
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(website="http://spam"), REMOTE_ADDR=_ip())
    assert antwoord.status_code == 400
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(postcode="1234 ZZ"), REMOTE_ADDR=_ip())
    assert antwoord.status_code == 400 and "geen wijkteam" in antwoord.content.decode()
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(huisnummer="99", straat=""), REMOTE_ADDR=_ip())
    assert antwoord.status_code == 400 and "straat" in antwoord.content.decode()
    assert (Melding.objects.count(), Huishouden.objects.count()) == aantal


def test_vraagformulier_is_rate_limited_per_ip(client, org, cat, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "inwoner_vraag": "2/hour"}}
    ip = _ip()
    for _ in range(2):
        assert client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=ip).status_code == 200
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=ip)
    assert antwoord.status_code == 429 and "te veel aanvragen" in antwoord.content.decode()
    assert int(antwoord["Retry-After"]) > 0
    assert Melding.objects.count() == 2
    assert client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=_ip()).status_code == 200

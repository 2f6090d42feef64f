"""Partner API: per-organisation key; own receipts only; strict validation (400 with field errors, nothing made)."""

import json

import pytest
from rest_framework.test import APIClient

from huishoudens.models import Huishouden
from tests.toegang_melding.factories import maak_partner
from toegang.melding import services
from toegang.models import Melding

pytestmark = pytest.mark.django_db
URL = "/api/v1/partner/meldingen/"


def geldig(**extra):
    data = {"signaalgever_type": "huisarts", "melder_naam": "Dokter Bakker", "melder_contact": "0180-123456",
            "postcode": "2981 AB", "huisnummer": 14, "straat": "Kerkweg", "woonplaats": "Ridderkerk",
            "achternaam": "Jansen", "kinderen_onder_18": True,
            "vraag": "Moeder is overbelast, er zijn schulden en de kinderen verzuimen school.",
            "leefgebieden": ["financien", "opvoeding"], "urgentie": "hoog", "toestemming": True}
    data.update(extra)
    return data


@pytest.fixture
def partners(org, cat):
    a = maak_partner(org.gemeente, "praktijk-a", "Huisartsenpraktijk A")
    b = maak_partner(org.gemeente, "school-b", "School B")
    _, sleutel_a = services.maak_partner_token(organisatie=a, naam="Praktijksysteem")
    _, sleutel_b = services.maak_partner_token(organisatie=b, naam="Leerlingvolgsysteem")
    return {"a": a, "b": b, "sleutel_a": sleutel_a, "sleutel_b": sleutel_b}


def client_met(sleutel):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Partner {sleutel}")
    return c


def test_partner_dient_melding_in_en_krijgt_alleen_nummer_en_status(org, partners):
    antwoord = client_met(partners["sleutel_a"]).post(URL, geldig(), format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert set(antwoord.json()) == {"ontvangstnummer", "status", "ontvangen_op"}
    assert antwoord.json()["status"] == "ontvangen"
    m = Melding.objects.get()
    assert m.signaalgever_organisatie == partners["a"] and m.team == org.team_a_jgt and m.kanaal.code == "partner"
    gelezen = client_met(partners["sleutel_a"]).get(f"{URL}{m.ontvangstnummer}/")
    assert gelezen.status_code == 200 and gelezen.json()["ontvangstnummer"] == m.ontvangstnummer
    assert "huishouden" not in gelezen.content.decode() and "Jansen" not in gelezen.content.decode()


def test_organisatie_a_ziet_de_ontvangsten_van_b_niet(org, partners):
    client_met(partners["sleutel_b"]).post(URL, geldig(signaalgever_type="huisarts"), format="json")
    van_b = Melding.objects.get().ontvangstnummer
    a = client_met(partners["sleutel_a"])
    assert a.get(f"{URL}{van_b}/").status_code == 404
    assert a.get(URL).json()["results"] == []
    assert client_met(partners["sleutel_b"]).get(URL).json()["results"][0]["ontvangstnummer"] == van_b


@pytest.mark.parametrize("pad", ["/api/v1/teams/", "/api/v1/wijken/", "/api/v1/gebieden/", "/api/v1/"])
def test_partnersleutel_opent_niets_anders(org, partners, pad):
    assert client_met(partners["sleutel_a"]).get(pad).status_code in (401, 403)


def test_zonder_of_met_foute_sleutel_401(org, partners):
    assert APIClient().post(URL, geldig(), format="json").status_code in (401, 403)
    assert client_met("verkeerd").post(URL, geldig(), format="json").status_code == 401
    partners["a"].partner_tokens.update(actief=False)
    assert client_met(partners["sleutel_a"]).get(URL).status_code == 401
    # a logged-in staff member is not a partner either
    c = APIClient()
    c.force_authenticate(org.mensen["teamlid"])
    assert c.get(URL).status_code in (401, 403)
    assert not Melding.objects.exists()


@pytest.mark.parametrize(("wijziging", "veld"), [
    ({"onbekend": "x"}, "onbekend"),
    ({"bsn": "999990019"}, "bsn"),
    ({"vraag": "x" * 4001}, "vraag"),
    ({"vraag": ""}, "vraag"),
    ({"leefgebieden": []}, "leefgebieden"),
    ({"leefgebieden": ["schulden"]}, "leefgebieden"),
    ({"leefgebieden": "financien"}, "leefgebieden"),
    ({"leefgebieden": ["financien", "financien"]}, "leefgebieden"),
    ({"huisnummer": "veertien"}, "huisnummer"),
    ({"huisnummer": 0}, "huisnummer"),
    ({"postcode": "ABCD 12"}, "postcode"),
    ({"postcode": "9999 ZZ"}, "postcode"),
    ({"toestemming": False}, "geen_toestemming_reden"),
    ({"urgentie": "heel erg"}, "urgentie"),
    ({"signaalgever_type": "onbekend-type"}, "signaalgever_type"),
    ({"melder_naam": "x" * 151}, "melder_naam"),
    ({"ontvangen_op": "gisteren"}, "ontvangen_op"),
    ({"ontvangen_op": "2026-01-01T09:00:00+01:00"}, "ontvangen_op"),  # partners cannot backdate
])
def test_foute_invoer_400_met_veldfouten_en_niets_aangemaakt(org, partners, wijziging, veld):
    huishoudens = Huishouden.objects.count()
    antwoord = client_met(partners["sleutel_a"]).post(URL, geldig(**wijziging), format="json")
    assert antwoord.status_code == 400, antwoord.content
    assert veld in antwoord.json()
    assert not Melding.objects.exists() and Huishouden.objects.count() == huishoudens


@pytest.mark.parametrize("weg", ["vraag", "leefgebieden", "postcode", "huisnummer", "toestemming", "melder_naam"])
def test_verplichte_velden(org, partners, weg):
    data = geldig()
    del data[weg]
    antwoord = client_met(partners["sleutel_a"]).post(URL, data, format="json")
    assert antwoord.status_code == 400 and weg in antwoord.json()
    assert not Melding.objects.exists()


def test_geen_object_of_te_groot_bericht_400(org, partners):
    c = client_met(partners["sleutel_a"])
    assert c.post(URL, json.dumps([1, 2]), content_type="application/json").status_code == 400
    assert c.post(URL, "{niet json", content_type="application/json").status_code == 400
    groot = c.post(URL, json.dumps(geldig(vraag="x" * 20000)), content_type="application/json")
    assert groot.status_code == 400 and "te groot" in groot.content.decode()
    assert not Melding.objects.exists()


def test_status_volgt_zonder_iets_van_het_dossier_te_verraden(org, partners):
    c = client_met(partners["sleutel_a"])
    nummer = c.post(URL, geldig(), format="json").json()["ontvangstnummer"]
    m = Melding.objects.get(ontvangstnummer=nummer)
    services.koppel_melding(melding=m, door=org.mensen["teamlid_jgt"])  # a new household at the given address
    m.refresh_from_db()
    services.pak_melding_op(melding=m, door=org.mensen["teamlid_jgt"])
    assert c.get(f"{URL}{nummer}/").json()["status"] == "in_behandeling"
    # a second signal about the same household is NOT joined by itself: it is "ontvangen" like any other
    tweede = c.post(URL, geldig(), format="json").json()
    assert tweede["status"] == "ontvangen"
    tweede_m = Melding.objects.get(ontvangstnummer=tweede["ontvangstnummer"])
    assert tweede_m.huishouden is None and tweede_m.traject is None
    # once a professional links it to that household, it joins the running traject; still only "in behandeling"
    services.koppel_melding(melding=tweede_m, door=org.mensen["teamlid_jgt"], huishouden=m.huishouden)
    tweede_m.refresh_from_db()
    assert tweede_m.traject_id == m.traject_id
    assert c.get(f"{URL}{tweede['ontvangstnummer']}/").json()["status"] == "in_behandeling"


def test_openapi_schema_beschrijft_partner_endpoint(client, org):
    antwoord = client.get("/api/schema/")
    assert antwoord.status_code == 200 and b"/api/v1/partner/meldingen/" in antwoord.content

"""API: per-action permissions, Dutch 400s that save nothing, and the OpenAPI schema."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gemeenschap.models import ClientervaringScore, CollectieveActiviteit, Hulpvraag, Klacht, Mantelzorger, Vrijwilliger
from tests.gemeenschap.factories import VrijwilligerFactory
from wijkteams.models import Wijk

pytestmark = pytest.mark.django_db


def test_makelaar_api_van_vrijwilliger_tot_koppeling(client, org, makelaar):
    client.force_login(makelaar)
    r = client.post("/api/v1/vrijwilligers/", {"naam": "Joke", "wijk": org.wijk_a.pk, "vaardigheden": ["tuin"],
                                               "beschikbaarheid": ["ma_ochtend"]}, content_type="application/json")
    assert r.status_code == 201, r.json()
    v = r.json()["id"]
    r = client.patch(f"/api/v1/vrijwilligers/{v}/", {"telefoon": "06-7"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["telefoon"] == "06-7"
    r = client.post("/api/v1/hulpvragen/", {"bron": "partner", "wijk": org.wijk_a.pk, "wat": "Tuin",
                                            "vaardigheden": ["tuin"]}, content_type="application/json")
    assert r.status_code == 201, r.json()
    hv = r.json()["id"]
    sugg = client.get(f"/api/v1/hulpvragen/{hv}/suggesties/").json()
    assert sugg[0]["vrijwilliger"] == v and sugg[0]["score"] == 3 + 2 + 2
    r = client.post(f"/api/v1/hulpvragen/{hv}/koppel/", {"vrijwilliger": v}, content_type="application/json")
    assert r.status_code == 201
    k = r.json()["id"]
    r = client.post(f"/api/v1/koppelingen/{k}/stap/", {"naar": "geaccepteerd"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "geaccepteerd"
    r = client.post(f"/api/v1/koppelingen/{k}/stap/", {"naar": "beeindigd",
                                                       "datum": (timezone.localdate() - timedelta(days=5)).isoformat()},
                    content_type="application/json")
    assert r.status_code == 400 and r.json() == {"datum": ["De einddatum ligt vóór de startdatum."]}


def test_api_onbekende_wijk_geeft_400_en_slaat_niets_op(client, org, makelaar):
    client.force_login(makelaar)
    for wijk in (99999, Wijk.objects.get(cbs_code="WK048201").pk):
        r = client.post("/api/v1/vrijwilligers/", {"naam": "Joke", "wijk": wijk}, content_type="application/json")
        assert r.status_code == 400 and r.json()["wijk"] == ["Onbekende wijk: kies een wijk in uw gemeente."]
        r = client.post("/api/v1/hulpvragen/", {"bron": "bewoner", "wijk": wijk, "wat": "x"},
                        content_type="application/json")
        assert r.status_code == 400 and r.json()["wijk"] == ["Onbekende wijk: kies een wijk in uw gemeente."]
    assert not Vrijwilliger.objects.exists() and not Hulpvraag.objects.exists()


@pytest.mark.parametrize(("wie", "methode", "url", "verwacht"), [
    ("teamlid", "get", "/api/v1/vrijwilligers/", 403),
    ("coordinator_eigen_gebied", "post", "/api/v1/vrijwilligers/", 403),
    ("beleidsmedewerker", "get", "/api/v1/hulpvragen/", 403),
    ("teamlid", "get", "/api/v1/hulpvragen/", 200),
    ("sociaal_makelaar", "get", "/api/v1/mantelzorgers/", 403),
    ("beleidsmedewerker", "get", "/api/v1/collectieve-activiteiten/", 200),
    ("beleidsmedewerker", "post", "/api/v1/collectieve-activiteiten/", 403),
    ("beleidsmedewerker", "get", "/api/v1/klachten/", 403),
    ("sociaal_makelaar", "post", "/api/v1/klachten/", 403),
    ("teamlid", "get", "/api/v1/clientervaring/", 200),
    ("teamlid", "post", "/api/v1/clientervaring/", 403),
    ("bestuurstafel", "get", "/api/v1/gemeenschap-tellingen/", 403),
])
def test_api_rechten_per_actie(client, org, wie, methode, url, verwacht):
    client.force_login(org.mensen[wie])
    r = getattr(client, methode)(url, {}, content_type="application/json") if methode == "post" else client.get(url)
    assert r.status_code == verwacht


def test_teamlid_kan_via_api_koppelactie_niet_doen(client, org, dossier, makelaar):
    client.force_login(dossier.regisseur)
    r = client.post("/api/v1/hulpvragen/", {"actie": dossier.actie.pk, "wanneer": ["di_middag"]},
                    content_type="application/json")
    assert r.status_code == 201 and r.json()["bron"] == "plan" and r.json()["wijk"] == org.wijk_a.pk
    hv = r.json()["id"]
    v = VrijwilligerFactory(wijk=org.wijk_a)
    assert client.post(f"/api/v1/hulpvragen/{hv}/koppel/", {"vrijwilliger": v.pk},
                       content_type="application/json").status_code == 403
    assert client.get(f"/api/v1/hulpvragen/{hv}/suggesties/").status_code == 403
    client.force_login(org.mensen["medewerker_ander_team"])
    r = client.post("/api/v1/hulpvragen/", {"actie": dossier.actie.pk}, content_type="application/json")
    assert r.status_code == 400 and r.json()["actie"] == ["Onbekende activiteit."]


def test_mantelzorg_api_negatieve_uren_en_belastingcheck(client, dossier):
    client.force_login(dossier.regisseur)
    r = client.post("/api/v1/mantelzorgers/", {"persoon": dossier.persoon.pk, "zorgt_voor": "man",
                                               "uren_per_week": "-1", "sinds": "2024-01-01"},
                    content_type="application/json")
    assert r.status_code == 400 and r.json()["uren_per_week"] == ["Het aantal uren per week kan niet negatief zijn."]
    assert not Mantelzorger.objects.exists()
    r = client.post("/api/v1/mantelzorgers/", {"persoon": dossier.persoon.pk, "zorgt_voor": "man",
                                               "uren_per_week": "12", "sinds": "2024-01-01"},
                    content_type="application/json")
    assert r.status_code == 201
    mz = r.json()["id"]
    r = client.post(f"/api/v1/mantelzorgers/{mz}/belastingcheck/", {"tijd": 3, "gezondheid": 3, "druk": 2,
                                                                    "combinatie": 2, "vermoeid": 2},
                    content_type="application/json")
    assert r.status_code == 201 and r.json()["overbelast"] is True and r.json()["score"] == 12
    assert client.get(f"/api/v1/mantelzorgers/{mz}/").json()["overbelast"] is True
    r = client.post(f"/api/v1/mantelzorgers/{mz}/steun/", {"soort": "respijtzorg", "datum": "2025-01-01"},
                    content_type="application/json")
    assert r.status_code == 201


def test_activiteit_en_klacht_en_cev_via_api(client, org):
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    r = client.post("/api/v1/collectieve-activiteiten/", {"wijk": org.wijk_a.pk, "soort": "voorlichting",
                                                          "titel": "x", "startdatum": "2025-03-01",
                                                          "einddatum": "2025-02-01"}, content_type="application/json")
    assert r.status_code == 400 and r.json()["einddatum"] == ["De einddatum ligt vóór de startdatum."]
    assert not CollectieveActiviteit.objects.exists()
    r = client.post("/api/v1/klachten/", {"ontvangen_op": "2025-01-06", "onderwerp": "x", "team": org.team_a.pk},
                    content_type="application/json")
    assert r.status_code == 201 and r.json()["uiterlijk_afgehandeld"] == "2025-02-17"
    k = r.json()["id"]
    r = client.post(f"/api/v1/klachten/{k}/behandel/", {"naar": "afgehandeld", "uitkomst": "ongegrond",
                                                        "behandeling": "Gesprek"}, content_type="application/json")
    assert r.status_code == 200 and Klacht.objects.get().status == "afgehandeld"
    r = client.post("/api/v1/clientervaring/", {"jaar": 2025, "vraag": "Tevreden", "score": "101"},
                    content_type="application/json")
    assert r.status_code == 400
    bestand = SimpleUploadedFile("cev.csv", b"jaar,gebied,vraag,score,respondenten\n2025,,Tevreden,80,100\n")
    r = client.post("/api/v1/clientervaring/importeer/", {"bestand": bestand})
    assert r.status_code == 201 and r.json() == {"regels": 1} and ClientervaringScore.objects.count() == 1


def test_openapi_schema_beschrijft_de_gemeenschap(client, org):
    client.force_login(org.mensen["teamlid"])
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for pad in ("/api/v1/vrijwilligers/", "/api/v1/hulpvragen/{id}/koppel/", "/api/v1/koppelingen/{id}/stap/",
                "/api/v1/mantelzorgers/{id}/belastingcheck/", "/api/v1/clientervaring/importeer/",
                "/api/v1/gemeenschap-tellingen/"):
        assert pad in schema["paths"], pad

"""The API under /api/v1/: filters, writes through the services with Dutch 400s, per-action permissions."""

from huishoudens.models import Huishouden, Traject
from tests.huishoudens.factories import maak_dossier


def test_huishoudens_filteren_en_bsn_gemaskeerd(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    data = client.get("/api/v1/huishoudens/?postcode=2981ab").json()
    assert data["count"] == 1
    detail = client.get(f"/api/v1/huishoudens/{dossier.huishouden.pk}/").json()
    persoon = dossier.huishouden.personen.first()
    assert persoon.bsn not in str(detail) and detail["personen"][0]["bsn"].startswith("*****")
    assert client.get(f"/api/v1/personen/?bsn={persoon.bsn}").json()["count"] == 1
    assert client.get("/api/v1/trajecten/?status=in_onderzoek").json()["count"] == 1
    assert client.get("/api/v1/trajecten/?status=afgesloten").json()["count"] == 0
    assert client.get(f"/api/v1/gesprekken/?huishouden={dossier.huishouden.pk}").json()["count"] == 1


def test_huishouden_aanmaken_via_api(client, org):
    client.force_login(org.mensen["teamlid"])
    body = {"naam": "Familie API", "straat": "Dorpsstraat", "huisnummer": 1, "postcode": "2981AA",
            "woonplaats": "Ridderkerk", "wijk": org.wijk_a.pk, "samenstelling": "alleenstaand", "team": org.team_a.pk,
            "persoon": {"voornamen": "Piet", "achternaam": "Api", "geboortedatum": "1960-01-01", "bsn": "123456789"}}
    antwoord = client.post("/api/v1/huishoudens/", body, content_type="application/json")
    assert antwoord.status_code == 400 and "elfproef" in str(antwoord.json()["persoon"]["bsn"])
    body["persoon"]["bsn"] = "999900018"
    antwoord = client.post("/api/v1/huishoudens/", body, content_type="application/json")
    assert antwoord.status_code == 201, antwoord.json()
    assert Huishouden.objects.get(naam="Familie API").trajecten.get().team == org.team_a


def test_beleidsmedewerker_mag_niet_aanmaken(client, org):
    client.force_login(org.mensen["beleidsmedewerker"])
    assert client.post("/api/v1/huishoudens/", {}, content_type="application/json").status_code == 403


def test_traject_acties_via_api(client, dossier):
    t = dossier.traject
    client.force_login(dossier.mensen["regisseur"])
    antwoord = client.post(f"/api/v1/trajecten/{t.pk}/status/", {"naar": "uitvoering"},
                           content_type="application/json")
    assert antwoord.status_code == 400 and "kan niet naar" in str(antwoord.json())
    antwoord = client.post(f"/api/v1/trajecten/{t.pk}/regisseur/", {"regisseur": dossier.mensen["teamlid"].pk,
                                                                     "reden": "Verlof"},
                           content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["regisseur"] == "teamlid"
    antwoord = client.post(f"/api/v1/trajecten/{t.pk}/afsluiten/", {"reden": "doelen_bereikt"},
                           content_type="application/json")
    # the ZRM app (when installed) refuses closing without a final measurement or a reason why there is none
    if antwoord.status_code == 400:
        assert "eindmeting" in str(antwoord.json())
        antwoord = client.post(f"/api/v1/trajecten/{t.pk}/afsluiten/",
                               {"reden": "doelen_bereikt", "reden_geen_eindmeting": "Bewoner wilde niet meer"},
                               content_type="application/json")
    assert antwoord.status_code == 200
    assert Traject.objects.get(pk=t.pk).status == "afgesloten"


def test_plan_optimistic_locking_via_api(client, dossier):
    client.force_login(dossier.mensen["regisseur"])
    url = f"/api/v1/plannen/{dossier.plan.pk}/doelen/"
    body = {"lock_versie": dossier.plan.lock_versie, "leefgebied": "huisvesting", "omschrijving": "Veilig huis"}
    assert client.post(url, body, content_type="application/json").status_code == 201
    antwoord = client.post(url, body, content_type="application/json")
    assert antwoord.status_code == 400 and "intussen gewijzigd" in str(antwoord.json())
    doel = dossier.plan.doelen.first()
    antwoord = client.post(f"/api/v1/plannen/{dossier.plan.pk}/acties/",
                           {"lock_versie": 2, "doel": doel.pk, "omschrijving": "Buurvrouw kookt", "ladder": "netwerk",
                            "wie": "Buurvrouw"}, content_type="application/json")
    assert antwoord.status_code == 201 and antwoord.json()["doelen"][0]["acties"][0]["ladder"] == "netwerk"


def test_persoon_toevoegen_en_wijzigen_via_api(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    antwoord = client.post("/api/v1/personen/", {"huishouden": dossier.huishouden.pk, "voornamen": "Lotte",
                                                 "achternaam": "Jansen", "geboortedatum": "2014-04-04",
                                                 "nieuw_bsn": "999900031"}, content_type="application/json")
    assert antwoord.status_code == 201 and antwoord.json()["bsn"] == "*****0031" and antwoord.json()["minderjarig"]
    pk = antwoord.json()["id"]
    antwoord = client.patch(f"/api/v1/personen/{pk}/", {"is_mantelzorger": True}, content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["is_mantelzorger"]
    client.force_login(dossier.mensen["medewerker_ander_team"])
    assert client.patch(f"/api/v1/personen/{pk}/", {"is_mantelzorger": False},
                        content_type="application/json").status_code == 404


def test_openapi_schema_beschrijft_de_dossier_endpoints(client, org):
    client.force_login(org.mensen["teamlid"])
    schema = client.get("/api/schema/?format=json").json()
    for pad in ("/api/v1/huishoudens/", "/api/v1/personen/", "/api/v1/trajecten/{id}/afsluiten/",
                "/api/v1/plannen/{id}/doelen/", "/api/v1/gesprekken/"):
        assert pad in schema["paths"], pad
    parameters = {p["name"] for p in schema["paths"]["/api/v1/huishoudens/"]["get"]["parameters"]}
    assert {"postcode", "wijk", "naam"} <= parameters


def test_lijst_telt_via_rechtenrijen_niet_via_guardian_count(client, dossier, django_assert_max_num_queries):
    for _i in range(3):
        maak_dossier(dossier.org)
    client.force_login(dossier.mensen["teamlid"])
    with django_assert_max_num_queries(8) as queries:
        data = client.get("/api/v1/huishoudens/").json()
    assert data["count"] == 4 and len(data["results"]) == 4
    tellingen = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(tellingen) == 1 and "UNION" in tellingen[0].upper()


def test_sociale_kaart_api(client, dossier, aanbod):
    from tests.huishoudens.factories import AanbodFactory

    AanbodFactory(wijk=dossier.org.wijk_b, naam="Inloop Centrum", soort="activiteit")
    client.force_login(dossier.mensen["teamlid"])
    namen = [a["naam"] for a in client.get(f"/api/v1/sociale-kaart/?wijk={dossier.org.wijk_a.pk}").json()["results"]]
    assert namen == ["Schuldhulpmaatje Ridderkerk"]
    namen = [a["naam"] for a in client.get("/api/v1/sociale-kaart/?tekst=inloop").json()["results"]]
    assert namen == ["Inloop Centrum"]
    client.force_login(dossier.mensen["medewerker_andere_gemeente"])
    assert client.get("/api/v1/sociale-kaart/").json()["count"] == 0

"""API: per-action permissions (403/404), Dutch 400s, and the OpenAPI schema documents the rights."""

import pytest
from rest_framework.test import APIClient

from huishoudens.selectors import huishoudens_voor
from tests.toegang_maatwerk.factories import vraag_aan
from toegang.models import Aanbieder, Aanvraag, Eenheid, Frequentie, OpschalingDoel, Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_aanvraag_via_api_en_besluit_met_vier_ogen(api, mw, dossier):
    api.force_authenticate(mw.mensen["teamlid"])
    data = {"doel": dossier.doel.pk, "client": dossier.volwassene.pk,
            "product": Product.objects.get(gemeente=mw.gemeente, code="02A05").pk,
            "aanbieder": Aanbieder.objects.filter(gemeente=mw.gemeente).first().pk,
            "volume": 2, "eenheid": Eenheid.objects.get(code="04").pk,
            "frequentie": Frequentie.objects.get(code="2").pk,
            "start": "2026-04-01", "eind": "2026-09-30", "motivering": "Te kort"}
    fout = api.post("/api/v1/maatwerk/aanvragen/", data, format="json")
    assert fout.status_code == 400 and "minstens 20 tekens" in str(fout.json()["motivering"])
    data["motivering"] = "Netwerk is uitgeput en de inloop in het wijkcentrum is niet genoeg."
    antwoord = api.post("/api/v1/maatwerk/aanvragen/", data, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    pk = antwoord.json()["id"]
    assert antwoord.json()["beslisser"] == "discipline" and antwoord.json()["termijn"] in ("op_tijd", "binnen_week")
    eigen = api.post(f"/api/v1/maatwerk/aanvragen/{pk}/besluit/", {"besluit": "toegekend", "reden": "Ok"},
                     format="json")
    assert eigen.status_code == 403
    api.force_authenticate(mw.mensen["coordinator_ander_gebied"])
    assert api.get(f"/api/v1/maatwerk/aanvragen/{pk}/").status_code == 404
    assert api.post(f"/api/v1/maatwerk/aanvragen/{pk}/besluit/", {"besluit": "toegekend", "reden": "Ok"},
                    format="json").status_code == 404
    api.force_authenticate(mw.mensen["wmoconsulent"])
    assert api.post(f"/api/v1/maatwerk/aanvragen/{pk}/besluit/", {"besluit": "toegekend", "reden": ""},
                    format="json").status_code == 400
    goed = api.post(f"/api/v1/maatwerk/aanvragen/{pk}/besluit/", {"besluit": "toegekend", "reden": "Nodig"},
                    format="json")
    assert goed.status_code == 200 and goed.json()["status"] == "toegekend"
    nogmaals = api.post(f"/api/v1/maatwerk/aanvragen/{pk}/besluit/", {"besluit": "afgewezen", "reden": "x",
                                                                     "lichtere_activiteit": "y"}, format="json")
    assert nogmaals.status_code == 400 and "kan niet naar" in str(nogmaals.json())  # not in the transition table
    assert Aanvraag.objects.get(pk=pk).status == "toegekend"
    toewijzingen = api.get("/api/v1/maatwerk/toewijzingen/").json()["results"]
    assert len(toewijzingen) == 1 and len(toewijzingen[0]["agb_code"]) == 8
    tid = toewijzingen[0]["id"]
    assert api.post(f"/api/v1/maatwerk/toewijzingen/{tid}/zorg-start/", {"datum": "2020-01-01"},
                    format="json").status_code == 400
    assert api.post(f"/api/v1/maatwerk/toewijzingen/{tid}/zorg-start/", {"datum": "2026-04-02"},
                    format="json").json()["zorg_gestart_op"] == "2026-04-02"
    assert api.get("/api/v1/maatwerk/toewijzingen/export/").status_code == 403
    api.force_authenticate(mw.mensen["coordinator_eigen_gebied"])
    assert api.get("/api/v1/maatwerk/toewijzingen/export/").json()["gemeentecode"] == "0597"


def test_lijst_alleen_zichtbare_aanvragen(api, mw, dossier):
    vraag_aan(dossier, mw.mensen["teamlid"])
    api.force_authenticate(mw.mensen["medewerker_andere_gemeente"])
    assert api.get("/api/v1/maatwerk/aanvragen/").json()["count"] == 0
    assert api.get("/api/v1/maatwerk/producten/").json()["results"][0]["code"]
    api.force_authenticate(mw.mensen["teamlid"])
    assert api.get("/api/v1/maatwerk/aanvragen/").json()["count"] == 1


def test_opschaling_via_api_geeft_en_neemt_lzn_toegang(api, mw, dossier):
    from django.contrib.auth.models import Group

    lzn = mw.mensen["lzn"]
    lzn.groups.add(Group.objects.get(name="lzn"))
    doel = OpschalingDoel.objects.get(gemeente=mw.gemeente, code="lzn")
    api.force_authenticate(mw.mensen["wmoconsulent"])  # team member, not regisseur
    assert api.post("/api/v1/opschalingen/", {"huishouden": dossier.pk, "doel": doel.pk, "reden": "x",
                                              "geprobeerd": "y"}, format="json").status_code == 403
    api.force_authenticate(mw.mensen["teamlid"])
    antwoord = api.post("/api/v1/opschalingen/", {"huishouden": dossier.pk, "doel": doel.pk, "reden": "Schulden",
                                                  "geprobeerd": "Budgetcoach"}, format="json")
    assert antwoord.status_code == 201
    pk = antwoord.json()["id"]
    assert huishoudens_voor(lzn).filter(pk=dossier.pk).exists()
    api.force_authenticate(lzn)
    assert api.post(f"/api/v1/opschalingen/{pk}/afschalen/", {"tekst": ""}, format="json").status_code == 400
    assert api.post(f"/api/v1/opschalingen/{pk}/afschalen/", {"tekst": "Team neemt het over"},
                    format="json").json()["status"] == "afgeschaald"
    assert not huishoudens_voor(lzn).filter(pk=dossier.pk).exists()
    assert api.get(f"/api/v1/opschalingen/{pk}/").status_code == 404


def test_beleidssignalen_api_alleen_voor_beleid(api, mw):
    api.force_authenticate(mw.mensen["teamlid"])
    assert api.get("/api/v1/beleidssignalen/").status_code == 403
    api.force_authenticate(mw.mensen["beleidsmedewerker"])
    assert api.get("/api/v1/beleidssignalen/").status_code == 200


def test_openapi_schema_documenteert_rechten_per_actie(api, mw):
    api.force_authenticate(mw.mensen["teamlid"])
    schema = api.get("/api/schema/?format=json").json()
    besluit = schema["paths"]["/api/v1/maatwerk/aanvragen/{id}/besluit/"]["post"]
    assert "mandaatregister" in besluit["description"] and "nooit de aanvrager" in besluit["description"]
    assert "403" in besluit["responses"]
    assert "LZN" in schema["paths"]["/api/v1/opschalingen/"]["post"]["description"]

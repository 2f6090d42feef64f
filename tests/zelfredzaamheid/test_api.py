"""The ZRM API: measurements for those who may see the household (400 with Dutch field errors on bad input),
404 for everyone else including beleidsmedewerkers; aggregates for beleidsmedewerkers with small counts
suppressed; the OpenAPI schema documents the endpoints."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from zelfredzaamheid.models import Meting

from .factories import meting
from .test_aggregaten import Q1
from .test_aggregaten import fixture as fixture  # noqa: F401 (the hand-computed fixture)


@pytest.fixture
def api():
    return APIClient()


def invoer(persoon, **extra):
    return {"persoon": persoon.pk, "datum": "2025-03-01", "soort": "intake", "definitief": True,
            "scores": [{"domein": "financien", "score": 2, "notitie": "Schulden"},
                       {"domein": "sociaal_netwerk", "score": 4},
                       {"domein": "justitie", "niet_van_toepassing": True}], **extra}


def test_meting_aanmaken_en_lezen(api, dossier):
    api.force_authenticate(dossier.mensen["teamlid"])
    r = api.post("/api/v1/zrm-metingen/", invoer(dossier.jan), format="json")
    assert r.status_code == 201, r.data
    assert r.data["status"] == "definitief" and r.data["versie"] == "2017" and r.data["is_eerste"]
    assert r.data["huishouden"] == dossier.huishouden.pk
    scores = {s["domein"]: s for s in r.data["scores"]}
    assert len(scores) == 13
    assert scores["financien"] == {"domein": "financien", "naam": "Financiën", "score": 2,
                                   "niet_van_toepassing": False, "notitie": "Schulden"}
    assert scores["justitie"]["niet_van_toepassing"] and scores["justitie"]["score"] is None
    assert scores["huisvesting"]["score"] is None and not scores["huisvesting"]["niet_van_toepassing"]
    lijst = api.get("/api/v1/zrm-metingen/", {"persoon": dossier.jan.pk})
    assert lijst.status_code == 200 and lijst.data["count"] == 1
    assert api.get(f"/api/v1/zrm-metingen/{r.data['id']}/").data["scores"][0]["score"] == 2


@pytest.mark.parametrize(
    ("wijziging", "veld", "bericht"),
    [
        ({"scores": [{"domein": "financien", "score": 6}]}, "scores",
         "De score voor ‘Financiën’ moet een getal van 1 tot en met 5 zijn, of ‘niet van toepassing’."),
        ({"scores": [{"domein": "dagbesteding", "score": 3}]}, "scores",
         "Het domein ‘Dagbesteding’ hoort niet bij matrixversie 2017."),
        ({"datum": (timezone.localdate() + timedelta(days=1)).isoformat()}, "datum",
         "De datum van de meting mag niet in de toekomst liggen."),
    ],
)
def test_foute_invoer_400_met_veldfouten(api, dossier, wijziging, veld, bericht):
    api.force_authenticate(dossier.mensen["teamlid"])
    r = api.post("/api/v1/zrm-metingen/", invoer(dossier.jan, **wijziging), format="json")
    assert r.status_code == 400
    assert bericht in [str(b) for b in r.data[veld]]
    assert not Meting.objects.exists()


def test_persoon_buiten_het_huishouden_400(api, dossier):
    from huishoudens.models import Huishouden, Persoon
    from huishoudens.rechten import geef_toegang

    ander = Huishouden.objects.create(gemeente=dossier.org.gemeente, wijk=dossier.org.wijk_a, straat="X",
                                      huisnummer=3, postcode="2981 AA", woonplaats="Ridderkerk", naam="Ander")
    geef_toegang(ander, dossier.org.team_a.groep, door=None, reden="test: het team werkt ook aan dit huishouden")
    vreemde = Persoon.objects.create(huishouden=ander, voornamen="Piet", achternaam="B", geboortedatum=date(1980, 1, 1))
    api.force_authenticate(dossier.mensen["teamlid"])
    r = api.post("/api/v1/zrm-metingen/", invoer(vreemde, huishouden=dossier.huishouden.pk), format="json")
    assert r.status_code == 400
    assert r.data["persoon"] == ["Deze persoon hoort niet bij dit huishouden."]


def test_onzichtbare_persoon_400(api, dossier):
    api.force_authenticate(dossier.mensen["medewerker_ander_team"])
    r = api.post("/api/v1/zrm-metingen/", invoer(dossier.jan), format="json")
    assert r.status_code == 400 and "persoon" in r.data


@pytest.mark.parametrize(
    ("wie", "verwacht"),
    [("teamlid", 200), ("coordinator_eigen_gebied", 200), ("medewerker_ander_team", 404),
     ("coordinator_ander_gebied", 404), ("beleidsmedewerker", 404), ("lzn", 404), ("beheer", 404),
     ("medewerker_andere_gemeente", 404)],
)
def test_meting_alleen_voor_wie_het_huishouden_ziet(api, dossier, wie, verwacht):
    m = meting(dossier.jan, dossier.mensen["teamlid"])
    api.force_authenticate(dossier.mensen[wie])
    assert api.get(f"/api/v1/zrm-metingen/{m.pk}/").status_code == verwacht
    assert api.post(f"/api/v1/zrm-metingen/{m.pk}/corrigeer/", {"reden": "x", "scores": []},
                    format="json").status_code == (201 if verwacht == 200 else 404)
    zichtbaar = api.get("/api/v1/zrm-metingen/").data["count"]
    assert zichtbaar == (2 if verwacht == 200 else 0)


def test_concept_wijzigen_definitief_en_niet_meer_wijzigen(api, dossier):
    api.force_authenticate(dossier.mensen["teamlid"])
    r = api.post("/api/v1/zrm-metingen/", invoer(dossier.jan, definitief=False), format="json")
    assert r.data["status"] == "concept"
    url = f"/api/v1/zrm-metingen/{r.data['id']}/"
    r = api.patch(url, {"scores": [{"domein": "financien", "score": 5}]}, format="json")
    assert r.status_code == 200 and r.data["scores"][0]["score"] == 5
    assert api.post(url + "definitief/").data["status"] == "definitief"
    r = api.patch(url, {"scores": [{"domein": "financien", "score": 1}]}, format="json")
    assert r.status_code == 400
    assert "Een definitieve meting wordt niet gewijzigd. Maak een correctie met een reden." in str(r.data)
    assert api.delete(url).status_code == 400
    r = api.post(url + "corrigeer/", {"scores": [{"domein": "financien", "score": 1}]}, format="json")
    assert r.status_code == 400 and r.data["reden"] == ["Geef de reden van de correctie."]
    r = api.post(url + "corrigeer/", {"reden": "Tikfout", "scores": [{"domein": "financien", "score": 1}]},
                 format="json")
    assert r.status_code == 201 and r.data["vervangt"] and r.data["correctiereden"] == "Tikfout"


def test_concept_verwijderen(api, dossier):
    api.force_authenticate(dossier.mensen["teamlid"])
    r = api.post("/api/v1/zrm-metingen/", invoer(dossier.jan, definitief=False), format="json")
    assert api.delete(f"/api/v1/zrm-metingen/{r.data['id']}/").status_code == 204
    assert not Meting.objects.exists()


def test_lijst_queries_groeien_niet_mee(api, dossier, django_assert_num_queries):
    wie = dossier.mensen["teamlid"]
    meting(dossier.jan, wie)
    api.force_authenticate(wie)
    api.get("/api/v1/zrm-metingen/")
    with django_assert_num_queries(4) as ctx:  # count, page, domains, one audit row
        api.get("/api/v1/zrm-metingen/")
    for i in range(8):
        meting(dossier.els, wie, datum=date(2025, 1, 1) + timedelta(days=i))
    with django_assert_num_queries(len(ctx.captured_queries)):
        assert api.get("/api/v1/zrm-metingen/").data["count"] == 9


def test_versies_catalogus(api, dossier):
    api.force_authenticate(dossier.mensen["teamlid"])
    r = api.get("/api/v1/zrm-versies/2017/")
    assert r.status_code == 200 and len(r.data["domeinen"]) == 13 and r.data["niveaus"]["1"] == "Acute problematiek"


# --- aggregates ---------------------------------------------------------------------------------------------

def test_aggregaten_voor_beleid_met_onderdrukking(api, fixture):  # noqa: F811
    api.force_authenticate(fixture.mensen["beleidsmedewerker"])
    r = api.get("/api/v1/zrm-aggregaten/", {"niveau": "gemeente", "van": Q1["van"], "tot": Q1["tot"]})
    assert r.status_code == 200
    (g,) = r.data
    assert g["personen"] == 6  # ≥ 5: shown
    assert g["weinig_kracht"] == {"teller": "< 5", "noemer": 5, "aandeel": None}  # teller 3 suppressed
    assert g["onvoldoende_contacten"] == {"teller": "< 5", "noemer": "< 5", "aandeel": None}
    fin = next(d for d in g["domeinen"] if d["code"] == "financien")
    assert fin["aantal"] == 5 and fin["gemiddelde"] == 3.4
    assert fin["aantal_verandering"] == "< 5" and fin["verandering"] is None
    sn = next(d for d in g["domeinen"] if d["code"] == "sociaal_netwerk")
    assert sn["aantal"] == "< 5" and sn["gemiddelde"] is None
    r = api.get("/api/v1/zrm-aggregaten/", {"van": Q1["van"], "tot": Q1["tot"]})
    assert [x["personen"] for x in r.data] == ["< 5", "< 5"]  # per gebied: 4 and 2
    assert all(d["gemiddelde"] is None for x in r.data for d in x["domeinen"])


@pytest.mark.parametrize(
    ("params", "veld"),
    [({"van": "2025-04-01", "tot": "2025-01-01"}, "tot"), ({"van": "gisteren", "tot": "2025-01-01"}, "van"),
     ({"van": "2025-01-01", "tot": "2025-03-31", "niveau": "wijk"}, "niveau"),
     ({"van": "2025-01-01", "tot": "2025-03-31", "versie": "1999"}, "versie"), ({}, "van"),
     # issue 14: never a free window (two overlapping ones give one person's scores)
     ({"van": "2025-01-01", "tot": "2025-01-01"}, "tot"), ({"van": "2025-01-02", "tot": "2025-03-31"}, "tot"),
     ({"van": "2025-02-01", "tot": "2025-04-30"}, "tot")],
)
def test_aggregaten_foute_vraag_400(api, org, params, veld):
    api.force_authenticate(org.mensen["beleidsmedewerker"])
    r = api.get("/api/v1/zrm-aggregaten/", params)
    assert r.status_code == 400 and veld in r.data


@pytest.mark.parametrize(("wie", "verwacht"), [("beleidsmedewerker", 200), ("coordinator_eigen_gebied", 200),
                                               ("teamlid", 403), ("beheer", 403), ("sociaal_makelaar", 403)])
def test_aggregaten_alleen_voor_beleid_en_coordinatoren(api, org, wie, verwacht):
    api.force_authenticate(org.mensen[wie])
    assert api.get("/api/v1/zrm-aggregaten/", {"van": "2025-01-01", "tot": "2025-03-31"}).status_code == verwacht


def test_aggregaten_anoniem_geweigerd(api, db):
    assert api.get("/api/v1/zrm-aggregaten/", {"van": "2025-01-01", "tot": "2025-03-31"}).status_code in (401, 403)


def test_schema_documenteert_zrm(api, org):
    api.force_authenticate(org.mensen["teamlid"])
    r = api.get("/api/schema/", {"format": "json"})
    paden = r.json()["paths"] if r.headers["Content-Type"].startswith("application/json") else None
    if paden is None:
        import yaml

        paden = yaml.safe_load(r.content)["paths"]
    assert "/api/v1/zrm-metingen/" in paden and "/api/v1/zrm-metingen/{id}/corrigeer/" in paden
    assert "/api/v1/zrm-aggregaten/" in paden

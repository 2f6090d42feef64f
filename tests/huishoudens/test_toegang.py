"""The permission matrix: every household page and endpoint, for every role, own and other gebied/gemeente.

Only the team of the traject, the regisseur and the coördinator of the gebied get in; everyone else gets 404
(missing and forbidden look the same)."""

import pytest
from django.urls import reverse

TOEGANG = {
    "teamlid": True,
    "regisseur": True,
    "coordinator_eigen_gebied": True,
    "teamlid_jgt": False,  # other team, same gebied
    "medewerker_ander_team": False,  # other gebied
    "coordinator_ander_gebied": False,
    "beleidsmedewerker": False,
    "lzn": False,  # only on escalation
    "sociaal_makelaar": False,
    "bestuurstafel": False,
    "beheer": False,
    "medewerker_andere_gemeente": False,
    "coordinator_andere_gemeente": False,
}

GET_PAGINAS = {
    "huishouden": lambda d: reverse("huishoudens:huishouden", args=[d.huishouden.pk]),
    "wijzigen": lambda d: reverse("huishoudens:wijzigen", args=[d.huishouden.pk]),
    "persoon_toevoegen": lambda d: reverse("huishoudens:persoon_toevoegen", args=[d.huishouden.pk]),
    "persoon_wijzigen": lambda d: reverse("huishoudens:persoon_wijzigen",
                                          args=[d.huishouden.pk, d.huishouden.personen.first().pk]),
    "relatie_toevoegen": lambda d: reverse("huishoudens:relatie_toevoegen", args=[d.huishouden.pk]),
    "netwerk_toevoegen": lambda d: reverse("huishoudens:netwerk_toevoegen", args=[d.huishouden.pk]),
    "ondersteuning_toevoegen": lambda d: reverse("huishoudens:ondersteuning_toevoegen", args=[d.huishouden.pk]),
    "traject_openen": lambda d: reverse("huishoudens:traject_openen", args=[d.huishouden.pk]),
    "status": lambda d: reverse("huishoudens:status", args=[d.huishouden.pk]),
    "afsluiten": lambda d: reverse("huishoudens:afsluiten", args=[d.huishouden.pk]),
    "heropenen": lambda d: reverse("huishoudens:heropenen", args=[d.huishouden.pk]),
    "regisseur": lambda d: reverse("huishoudens:regisseur", args=[d.huishouden.pk]),
    "gesprek_nieuw": lambda d: reverse("huishoudens:gesprek_nieuw", args=[d.huishouden.pk]),
    "gesprek": lambda d: reverse("huishoudens:gesprek", args=[d.huishouden.pk, d.gesprek.pk]),
    "gesprek_wijzigen": lambda d: reverse("huishoudens:gesprek_wijzigen", args=[d.huishouden.pk, d.gesprek.pk]),
    "verslag": lambda d: reverse("huishoudens:verslag", args=[d.huishouden.pk, d.gesprek.pk]),
    "plan": lambda d: reverse("huishoudens:plan", args=[d.huishouden.pk, d.plan.pk]),
}

API = {
    "api_huishouden": lambda d: f"/api/v1/huishoudens/{d.huishouden.pk}/",
    "api_persoon": lambda d: f"/api/v1/personen/{d.huishouden.personen.first().pk}/",
    "api_traject": lambda d: f"/api/v1/trajecten/{d.traject.pk}/",
    "api_plan": lambda d: f"/api/v1/plannen/{d.plan.pk}/",
    "api_gesprek": lambda d: f"/api/v1/gesprekken/{d.gesprek.pk}/",
}


@pytest.mark.parametrize("wie", list(TOEGANG))
def test_elke_pagina_en_endpoint_alleen_voor_wie_aan_het_huishouden_werkt(client, dossier, wie):
    client.force_login(dossier.mensen[wie])
    verwacht = 200 if TOEGANG[wie] else 404
    uitkomst = {pagina: client.get(url(dossier)).status_code for pagina, url in {**GET_PAGINAS, **API}.items()}
    assert uitkomst == dict.fromkeys(uitkomst, verwacht)


@pytest.mark.parametrize("wie", list(TOEGANG))
def test_bsn_tonen_alleen_voor_wie_eraan_werkt(client, dossier, wie):
    persoon = dossier.huishouden.personen.first()
    client.force_login(dossier.mensen[wie])
    antwoord = client.post(reverse("huishoudens:toon_bsn", args=[dossier.huishouden.pk, persoon.pk]))
    assert antwoord.status_code == (200 if TOEGANG[wie] else 404)
    assert (persoon.bsn in antwoord.content.decode()) is TOEGANG[wie]


@pytest.mark.parametrize("wie", list(TOEGANG))
def test_schrijven_via_formulier_alleen_voor_wie_eraan_werkt(client, dossier, wie):
    client.force_login(dossier.mensen[wie])
    antwoord = client.post(reverse("huishoudens:netwerk_toevoegen", args=[dossier.huishouden.pk]),
                           {"naam": "Oom Piet", "soort": "familie"})
    assert antwoord.status_code == (302 if TOEGANG[wie] else 404)
    assert dossier.huishouden.netwerk.filter(naam="Oom Piet").exists() is TOEGANG[wie]


@pytest.mark.parametrize("wie", list(TOEGANG))
def test_api_lijsten_tonen_alleen_eigen_huishoudens(client, dossier, wie):
    client.force_login(dossier.mensen[wie])
    for lijst in ("huishoudens", "personen", "trajecten", "plannen", "gesprekken"):
        antwoord = client.get(f"/api/v1/{lijst}/")
        assert antwoord.status_code == 200
        assert (antwoord.json()["count"] > 0) is TOEGANG[wie], (lijst, wie)


def test_onbestaand_huishouden_is_ook_404(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    assert client.get(reverse("huishoudens:huishouden", args=[999999])).status_code == 404


@pytest.mark.parametrize(("wie", "verwacht"), [("regisseur", 200), ("coordinator_eigen_gebied", 200),
                                               ("teamlid", 403), ("medewerker_ander_team", 404)])
def test_wie_bekeek_alleen_voor_regisseur_en_coordinator(client, dossier, wie, verwacht):
    client.force_login(dossier.mensen[wie])
    assert client.get(reverse("huishoudens:wie_bekeek", args=[dossier.huishouden.pk])).status_code == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), [("coordinator_eigen_gebied", 200), ("teamlid", 404),
                                               ("coordinator_ander_gebied", 404), ("beleidsmedewerker", 404)])
def test_samenvoegen_alleen_voor_coordinator_met_toegang(client, dossier, wie, verwacht):
    client.force_login(dossier.mensen[wie])
    assert client.get(reverse("huishoudens:samenvoegen", args=[dossier.huishouden.pk])).status_code == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), [("coordinator_eigen_gebied", 200), ("teamlid", 404),
                                               ("beleidsmedewerker", 404)])
def test_bulkoverdracht_alleen_voor_coordinator(client, dossier, wie, verwacht):
    client.force_login(dossier.mensen[wie])
    assert client.get(reverse("huishoudens:bulk_overdracht")).status_code == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), [("teamlid", 200), ("coordinator_eigen_gebied", 200),
                                               ("beleidsmedewerker", 404), ("beheer", 404)])
def test_lijst_en_zoeken_niet_voor_beleid(client, dossier, wie, verwacht):
    client.force_login(dossier.mensen[wie])
    assert client.get(reverse("huishoudens:mijn")).status_code == verwacht
    assert client.get(reverse("huishoudens:zoeken")).status_code == verwacht
    assert client.get(reverse("huishoudens:nieuw")).status_code == verwacht


def test_anoniem_wordt_naar_inloggen_gestuurd(client, dossier):
    antwoord = client.get(reverse("huishoudens:huishouden", args=[dossier.huishouden.pk]))
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]

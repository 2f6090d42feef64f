"""Issue 17: the bestuurstafel records its decision and a beleidssignaal on the case summary it sees (page and
API), and the decision reaches the regisseur and the coördinator on the dossier and in their werkvoorraad."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from tests.factories import maak_gebruiker
from toegang.models import BeleidsSignaal, Opschaling, OpschalingDoel
from toegang.opschaling import services
from wijkteams import rollen

pytestmark = pytest.mark.django_db

SAMENVATTING = "Een alleenstaande man van middelbare leeftijd zonder passende woning."
BESLUIT = "Woningcorporatie biedt binnen zes weken een passende woning aan"


@pytest.fixture
def casus(mw, dossier):
    o = services.schaal_op(traject=dossier.traject, door=mw.mensen["teamlid"],
                           doel=OpschalingDoel.objects.get(gemeente=mw.gemeente, code="bestuurstafel"),
                           reden="Geen passende woning binnen de regels", geprobeerd="Urgentie aangevraagd, afgewezen")
    services.leg_samenvatting_vast(opschaling_id=o.pk, door=mw.mensen["coordinator_eigen_gebied"],
                                   samenvatting=SAMENVATTING)
    return o


def _url(casus, actie=None):
    if actie is None:
        return reverse("toegang:bestuurstafel_casus", args=[casus.pk])
    return reverse("toegang:bestuurstafel_actie", args=[casus.pk, actie])


def test_lid_legt_besluit_en_signaal_vast_via_de_pagina(client, mw, dossier, casus):
    lid = mw.mensen["bestuurstafel"]
    client.force_login(lid)
    inhoud = client.get(_url(casus)).content.decode()
    assert "Besluit van de bestuurstafel vastleggen" in inhoud and "Beleidssignaal vastleggen" in inhoud
    assert dossier.naam not in inhoud

    antwoord = client.post(_url(casus, "besluit"), {"besluit-besluit": "", "besluit-overlegdatum": ""})
    assert antwoord.status_code == 400
    assert "Controleer de volgende gegevens" in antwoord.content.decode()

    antwoord = client.post(_url(casus, "besluit"), {"besluit-besluit": BESLUIT, "besluit-overlegdatum": "2026-05-04"})
    assert antwoord.status_code == 302
    casus.refresh_from_db()
    assert casus.status == Opschaling.Status.BESLOTEN and casus.besluit == BESLUIT

    antwoord = client.post(_url(casus, "signaal"), {
        "signaal-thema": "wonen", "signaal-omschrijving": "Te weinig kleine sociale huurwoningen voor alleenstaanden",
        "signaal-aanbeveling": "Afspraken met corporaties"})
    assert antwoord.status_code == 302
    signaal = BeleidsSignaal.objects.get(opschaling=casus)
    assert signaal.vastgelegd_door == lid
    inhoud = client.get(_url(casus)).content.decode()
    assert BESLUIT in inhoud and "Te weinig kleine sociale huurwoningen" in inhoud
    assert "Besluit van de bestuurstafel vastleggen" not in inhoud  # decided: no second decision
    assert AuditEvent.objects.filter(actor=lid, actie="update", object_type="toegang.opschaling",
                                     object_id=str(casus.pk)).exists()
    assert AuditEvent.objects.filter(actor=lid, actie="create", object_type="toegang.beleidssignaal").exists()
    # still never the dossier
    assert client.get(dossier.get_absolute_url()).status_code == 404
    assert client.get(casus.get_absolute_url()).status_code == 404


def test_lid_legt_besluit_en_signaal_vast_via_de_api(client, mw, dossier, casus):
    client.force_login(mw.mensen["bestuurstafel"])
    lijst = client.get("/api/v1/bestuurstafel/").json()
    assert [c["id"] for c in lijst["results"]] == [casus.pk]
    detail = client.get(f"/api/v1/bestuurstafel/{casus.pk}/").json()
    assert detail["samenvatting"] == SAMENVATTING and "huishouden" not in detail
    antwoord = client.post(f"/api/v1/bestuurstafel/{casus.pk}/besluit/", {"besluit": ""},
                           content_type="application/json")
    assert antwoord.status_code == 400
    antwoord = client.post(f"/api/v1/bestuurstafel/{casus.pk}/besluit/", {"besluit": BESLUIT},
                           content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["status"] == "besloten"
    antwoord = client.post(f"/api/v1/bestuurstafel/{casus.pk}/signaal/",
                           {"thema": "wonen", "omschrijving": "Te weinig kleine sociale huurwoningen"},
                           content_type="application/json")
    assert antwoord.status_code == 201 and antwoord.json()["thema"] == "wonen"
    casus.refresh_from_db()
    assert casus.besluit == BESLUIT and BeleidsSignaal.objects.filter(opschaling=casus).count() == 1


def test_regisseur_en_coordinator_zien_het_besluit(client, mw, dossier, casus):
    services.leg_besluit_vast(opschaling_id=casus.pk, door=mw.mensen["bestuurstafel"], besluit=BESLUIT)
    for wie in ("teamlid", "coordinator_eigen_gebied"):  # the regisseur, the coördinator of the gebied
        client.force_login(mw.mensen[wie])
        werkvoorraad = client.get(reverse("toegang:werkvoorraad")).content.decode()
        assert "Besluit opschaling" in werkvoorraad and BESLUIT in werkvoorraad, wie
        assert BESLUIT in client.get(reverse("huishoudens:tab", args=[dossier.pk, "toegang"])).content.decode(), wie
    # a colleague in another team, and the coördinator of another gebied: not in their werkvoorraad
    for wie in ("medewerker_ander_team", "coordinator_ander_gebied"):
        client.force_login(mw.mensen[wie])
        assert BESLUIT not in client.get(reverse("toegang:werkvoorraad")).content.decode(), wie


def test_lid_van_een_andere_gemeente_krijgt_404(client, mw, dossier, casus):
    ander = maak_gebruiker(mw.andere_gemeente, rollen.BESTUURSTAFEL, username="bestuurstafel_ander")
    client.force_login(ander)
    assert client.get(_url(casus)).status_code == 404
    assert client.post(_url(casus, "besluit"), {"besluit-besluit": BESLUIT}).status_code == 404
    assert client.post(_url(casus, "signaal"), {"signaal-thema": "wonen",
                                                "signaal-omschrijving": "Iets structureels"}).status_code == 404
    assert client.get(f"/api/v1/bestuurstafel/{casus.pk}/").status_code == 404
    assert client.post(f"/api/v1/bestuurstafel/{casus.pk}/besluit/", {"besluit": BESLUIT},
                       content_type="application/json").status_code == 404
    casus.refresh_from_db()
    assert casus.besluit == "" and not BeleidsSignaal.objects.exists()


def test_andere_rollen_zien_geen_formulieren_en_mogen_niet_besluiten(client, mw, casus):
    client.force_login(mw.mensen["beleidsmedewerker"])
    assert client.get(_url(casus)).status_code == 404
    assert client.post(_url(casus, "besluit"), {"besluit-besluit": BESLUIT}).status_code == 404
    # a coördinator of another gebied sees the summary but may not decide
    client.force_login(mw.mensen["coordinator_ander_gebied"])
    assert "Besluit van de bestuurstafel vastleggen" not in client.get(_url(casus)).content.decode()
    assert client.post(_url(casus, "besluit"), {"besluit-besluit": BESLUIT}).status_code == 403
    casus.refresh_from_db()
    assert casus.besluit == ""


def test_casuspagina_queries(client, mw, casus, django_assert_max_num_queries):
    client.force_login(mw.mensen["bestuurstafel"])
    client.get(_url(casus))
    with django_assert_max_num_queries(14):
        assert client.get(_url(casus)).status_code == 200

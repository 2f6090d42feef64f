"""Inzage: a household's data as JSON, assembled from huishoudens, the apps (INZAGE_BRONNEN) and the audit table;
only for the current regisseur and the coördinator of the gebied; logged as an export."""

import json
from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from gemeenschap import mantelzorg, services
from huishoudens import registry
from tests.factories import maak_gebruiker
from tests.gemeenschap.conftest import maak_dossier
from tests.toegang_melding.factories import melding
from tests.zelfredzaamheid.factories import meting
from wijkteams import rollen
from zelfredzaamheid.models import Meting

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(org):
    d = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Familie Inzage")
    services.maak_hulpvraag_voor_actie(door=d.regisseur, actie=d.actie, wat="Maatje om mee te wandelen",
                                 vaardigheden=["bewegen"])
    mantelzorg.registreer_mantelzorger(door=d.regisseur, netwerklid=d.netwerklid, zorgt_voor="Annie",
                                       uren_per_week=9, sinds=date(2024, 1, 1))
    melding(d.huishouden, door=d.regisseur, vraag="Annie redt het niet meer alleen", melder_naam="Kees de Buur")
    m = meting(d.persoon, d.regisseur, datum=date(2025, 2, 1))
    Meting.objects.filter(pk=m.pk).update(notities={"financien": "Spaarrekening op orde"})
    return d


def _export(client, user, huishouden):
    client.force_login(user)
    return client.get(reverse("huishoudens:inzage_export", args=[huishouden.pk]))


def test_regisseur_downloadt_alles_van_het_huishouden(client, org, dossier, django_assert_max_num_queries):
    h = dossier.huishouden
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert client.get(h.get_absolute_url()).status_code == 200  # a read that must show up in "who viewed"
    assert len(registry.INZAGE_BRONNEN) >= 3
    client.force_login(dossier.regisseur)
    with django_assert_max_num_queries(35):
        antwoord = client.get(reverse("huishoudens:inzage_export", args=[h.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/json")
    assert antwoord["Content-Disposition"].startswith('attachment; filename="inzage-huishouden-')
    data = json.loads(antwoord.content)
    titels = [o["titel"] for o in data["onderdelen"]]
    assert titels[0] == "Gegevens van het huishouden" and titels[-1] == "Wie dit dossier heeft bekeken"
    assert {"Zelfredzaamheidsmatrix (ZRM)", "Meldingen en maatwerk", "Vrijwilligers, mantelzorg en klachten"} <= set(
        titels)
    tekst = antwoord.content.decode()
    for verwacht in ("Familie Inzage", "Annie", "Minder eenzaam", "Maatje om wekelijks mee te wandelen",
                     "Maatje om mee te wandelen", "Annie redt het niet meer alleen", "Kees de Buur",
                     "Spaarrekening op orde"):
        assert verwacht in tekst, verwacht
    bekeken = data["onderdelen"][-1]["gegevens"]
    assert any(r["medewerker"] == org.mensen["coordinator_eigen_gebied"].username for r in bekeken)
    assert AuditEvent.objects.filter(actie="export", huishouden_id=h.pk, actor=dossier.regisseur).exists()


def test_query_aantal_groeit_niet_met_de_gegevens(client, org, dossier, django_assert_max_num_queries):
    for i in range(5):
        melding(dossier.huishouden, door=dossier.regisseur, vraag=f"Nog een vraag {i}")
        meting(dossier.persoon, dossier.regisseur, datum=date(2025, 3, 1 + i), soort="evaluatie")
    client.force_login(dossier.regisseur)
    with django_assert_max_num_queries(35):
        assert client.get(reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk])).status_code == 200


def test_coordinator_van_het_gebied_mag_exporteren(client, org, dossier):
    assert _export(client, org.mensen["coordinator_eigen_gebied"], dossier.huishouden).status_code == 200


@pytest.mark.parametrize("wie", ["medewerker_ander_team", "coordinator_ander_gebied", "beleidsmedewerker",
                                 "sociaal_makelaar", "beheer", "medewerker_andere_gemeente"])
def test_anderen_krijgen_404(client, org, dossier, wie):
    assert _export(client, org.mensen[wie], dossier.huishouden).status_code == 404
    assert not AuditEvent.objects.filter(actie="export", huishouden_id=dossier.huishouden.pk).exists()


def test_teamlid_dat_geen_regisseur_is_krijgt_404(client, org, dossier):
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    assert _export(client, collega, dossier.huishouden).status_code == 404


def test_niet_ingelogd_gaat_naar_inloggen(client, dossier):
    antwoord = client.get(reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk]))
    assert antwoord.status_code == 302 and "next=" in antwoord["Location"]


def test_dossierpagina_toont_de_downloadlink_aan_de_regisseur(client, org, dossier):
    client.force_login(dossier.regisseur)
    inhoud = client.get(dossier.huishouden.get_absolute_url()).content.decode()
    assert reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk]) in inhoud
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega2", teams=[org.team_a])
    client.force_login(collega)
    inhoud = client.get(dossier.huishouden.get_absolute_url()).content.decode()
    assert reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk]) not in inhoud

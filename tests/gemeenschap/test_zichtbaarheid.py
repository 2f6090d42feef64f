"""Who sees what: a volunteer's contact details only for the makelaar and the household's regisseur (pages and
API); everything stays inside the gemeente; a complaint's household only for those who may see it."""

from datetime import date

import pytest
from django.urls import reverse

from gemeenschap import selectors, services
from tests.gemeenschap.factories import VrijwilligerFactory

pytestmark = pytest.mark.django_db
TELEFOON = "06-55554444"


@pytest.fixture
def gekoppeld(org, dossier, makelaar):
    hv = services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie)
    v = VrijwilligerFactory(naam="Wim Wandelaar", telefoon=TELEFOON, email="wim@example.org", wijk=org.wijk_a)
    k = services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=v, door=makelaar)
    services.wijzig_koppeling(koppeling=k, naar="geaccepteerd", door=makelaar)
    return hv, v


@pytest.mark.parametrize(("wie", "ziet"), [("regisseur", True), ("sociaal_makelaar", True), ("teamlid", False),
                                            ("coordinator_eigen_gebied", False)])
def test_contactgegevens_vrijwilliger_op_de_hulpvraag(client, org, dossier, gekoppeld, wie, ziet):
    hv, v = gekoppeld
    user = dossier.regisseur if wie == "regisseur" else org.mensen[wie]
    assert selectors.mag_contactgegevens_zien(user, v, hv) is ziet
    client.force_login(user)
    antwoord = client.get(hv.get_absolute_url())
    assert antwoord.status_code == 200  # all four may see the request itself
    inhoud = antwoord.content.decode()
    assert (TELEFOON in inhoud) is ziet and ("Wim Wandelaar" in inhoud) is ziet
    if not ziet:
        assert "alleen zichtbaar voor de sociaal makelaar en de regisseur" in inhoud
    api = client.get(f"/api/v1/hulpvragen/{hv.pk}/").json()
    assert (api["koppelingen"][0]["vrijwilliger"]["telefoon"] == TELEFOON) is ziet
    assert (TELEFOON in str(client.get("/api/v1/koppelingen/").json())) is ziet


def test_teamlid_zonder_regie_ziet_ook_de_naam_niet_in_het_plan(client, org, dossier, gekoppeld):
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(reverse("gemeenschap:huishouden", args=[dossier.huishouden.pk])).content.decode()
    assert "Gekoppeld aan vrijwilliger een vrijwilliger" in inhoud and "Wim Wandelaar" not in inhoud


def test_na_overdracht_van_regie_ziet_de_oude_regisseur_het_contact_niet_meer(org, dossier, gekoppeld):
    from huishoudens import services as huishouden_services

    hv, v = gekoppeld
    huishouden_services.wijs_regisseur_toe(traject=dossier.traject, regisseur=org.mensen["teamlid"],
                          door=org.mensen["coordinator_eigen_gebied"])
    assert not selectors.mag_contactgegevens_zien(dossier.regisseur, v, hv)
    assert selectors.mag_contactgegevens_zien(org.mensen["teamlid"], v, hv)


@pytest.mark.parametrize("wie", ["medewerker_ander_team", "medewerker_andere_gemeente", "beleidsmedewerker"])
def test_hulpvraag_van_een_huishouden_niet_voor_anderen(client, org, gekoppeld, wie):
    hv, _v = gekoppeld
    client.force_login(org.mensen[wie])
    assert client.get(hv.get_absolute_url()).status_code in (403, 404)
    assert client.get(f"/api/v1/hulpvragen/{hv.pk}/").status_code in (403, 404)


def test_makelaar_ziet_alles_binnen_de_eigen_gemeente(org, gekoppeld, makelaar):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    hv, v = gekoppeld
    assert selectors.hulpvragen_voor(makelaar).filter(pk=hv.pk).exists()
    ander = maak_gebruiker(org.andere_gemeente, rollen.SOCIAAL_MAKELAAR, username="makelaar_ander")
    assert not selectors.hulpvragen_voor(ander).exists() and not selectors.vrijwilligers_voor(ander).exists()
    assert not selectors.mag_contactgegevens_zien(ander, v, hv)


def test_huishouden_bij_klacht_alleen_voor_wie_het_mag_zien(client, org, dossier):
    k = services.registreer_klacht(door=dossier.regisseur, ontvangen_op=date(2026, 1, 5), onderwerp="Bejegening",
                                   team=org.team_a, huishouden=dossier.huishouden)
    client.force_login(dossier.regisseur)
    assert dossier.huishouden.naam in client.get(k.get_absolute_url()).content.decode()
    assert client.get(f"/api/v1/klachten/{k.pk}/").json()["huishouden"] == dossier.huishouden.pk
    # Another team does not see team A's complaint at all (issue 17); a complaint about team B that concerns team
    # A's household is visible to team B, but the household is not.
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(k.get_absolute_url()).status_code == 404
    k_b = services.registreer_klacht(door=org.mensen["coordinator_eigen_gebied"], ontvangen_op=date(2026, 1, 5),
                                     onderwerp="Doorverwezen", team=org.team_b, huishouden=dossier.huishouden)
    inhoud = client.get(k_b.get_absolute_url()).content.decode()
    assert dossier.huishouden.naam not in inhoud and "(afgeschermd)" in inhoud
    assert dossier.huishouden.naam not in client.get(reverse("gemeenschap:klachten")).content.decode()
    assert client.get(f"/api/v1/klachten/{k_b.pk}/").json()["huishouden"] is None
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.get(k.get_absolute_url()).status_code == 404

"""Complaints are seen by the team concerned and the coördinator of the gebied (and whoever registered one), not by
every medewerker of the gemeente; only the coördinator of the gebied handles one. Pages and API alike."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gemeenschap import selectors, services
from gemeenschap.models import Klacht
from tests.factories import TeamTypeFactory, maak_gebruiker
from wijkteams import rollen
from wijkteams import services as wijkteam_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def klacht(org):
    return services.registreer_klacht(door=org.mensen["teamlid"], ontvangen_op=date(2026, 1, 5),
                                      onderwerp="Niet teruggebeld door het team", team=org.team_a)


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied"])
def test_team_en_coordinator_van_het_gebied_zien_de_klacht(client, org, klacht, wie):
    client.force_login(org.mensen[wie])
    assert "Niet teruggebeld door het team" in client.get(reverse("gemeenschap:klachten")).content.decode()
    antwoord = client.get(klacht.get_absolute_url())
    assert antwoord.status_code == 200 and "Niet teruggebeld door het team" in antwoord.content.decode()
    assert [k["id"] for k in client.get("/api/v1/klachten/").json()["results"]] == [klacht.pk]
    assert client.get(f"/api/v1/klachten/{klacht.pk}/").status_code == 200


@pytest.mark.parametrize("wie", ["medewerker_ander_team", "teamlid_jgt", "coordinator_ander_gebied",
                                 "medewerker_andere_gemeente"])
def test_andere_medewerkers_krijgen_404_en_zien_hem_niet_in_de_lijst(client, org, klacht, wie):
    client.force_login(org.mensen[wie])
    assert client.get(klacht.get_absolute_url()).status_code == 404
    lijst = client.get(reverse("gemeenschap:klachten"))
    assert lijst.status_code == 200 and "Niet teruggebeld door het team" not in lijst.content.decode()
    assert client.get(f"/api/v1/klachten/{klacht.pk}/").status_code == 404
    assert client.get("/api/v1/klachten/").json()["results"] == []
    assert not selectors.klachten_voor(org.mensen[wie]).exists()


def test_wie_registreert_ziet_de_eigen_klacht_maar_collega_niet(client, org):
    melder = org.mensen["medewerker_ander_team"]
    k = services.registreer_klacht(door=melder, ontvangen_op=date(2026, 1, 5), onderwerp="Over team A",
                                   team=org.team_a)
    assert list(selectors.klachten_voor(melder)) == [k]
    assert list(selectors.klachten_voor(org.mensen["teamlid"])) == [k]  # the team concerned
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega_b", teams=[org.team_b])
    client.force_login(collega)
    assert client.get(k.get_absolute_url()).status_code == 404


def test_alleen_de_coordinator_van_het_gebied_handelt_af(client, org, klacht):
    with pytest.raises(PermissionDenied):
        services.behandel_klacht(klacht=klacht, door=org.mensen["coordinator_ander_gebied"], naar="in_behandeling")
    client.force_login(org.mensen["coordinator_ander_gebied"])
    r = client.post(f"/api/v1/klachten/{klacht.pk}/behandel/", {"naar": "in_behandeling"},
                    content_type="application/json")
    assert r.status_code == 404
    assert Klacht.objects.get().status == Klacht.Status.ONTVANGEN
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    r = client.post(f"/api/v1/klachten/{klacht.pk}/behandel/", {"naar": "in_behandeling"},
                    content_type="application/json")
    assert r.status_code == 200 and Klacht.objects.get().status == Klacht.Status.IN_BEHANDELING


def test_gemeente_zonder_gebieden_elke_coordinator_van_de_gemeente(client, org):
    """A complaint about a team without gebied (a gemeente without gebieden): its team and the coördinatoren of that
    gemeente see it, a medewerker of another team there does not, nor does a coördinator elsewhere."""
    ander = org.andere_gemeente
    team = wijkteam_services.maak_team(gemeente=ander, gebied=None, type=TeamTypeFactory(gemeente=ander),
                                       naam="Sociaal team")
    lid = maak_gebruiker(ander, rollen.MEDEWERKER, username="lid_zonder_gebied", teams=[team])
    k = services.registreer_klacht(door=lid, ontvangen_op=date(2026, 1, 5), onderwerp="Zonder gebied", team=team)
    assert k.gebied_id is None
    assert list(selectors.klachten_voor(org.mensen["coordinator_andere_gemeente"])) == [k]
    assert not selectors.klachten_voor(org.mensen["medewerker_andere_gemeente"]).exists()
    assert not selectors.klachten_voor(org.mensen["coordinator_eigen_gebied"]).exists()
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.get(k.get_absolute_url()).status_code == 404

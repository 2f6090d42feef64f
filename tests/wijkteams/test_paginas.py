"""Every page renders for each role, with a pinned number of queries."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker", "beheer", "lzn",
                                 "sociaal_makelaar", "bestuurstafel"])
def test_startpagina_per_rol(client, org, wie):
    client.force_login(org.mensen[wie])
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 200
    assert "Welkom" in antwoord.content.decode()


def test_coordinator_ziet_de_teams_van_zijn_gebied(client, org):
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    inhoud = client.get(reverse("start")).content.decode()
    assert org.team_a.naam in inhoud and org.team_a_jgt.naam in inhoud
    assert org.team_b.naam not in inhoud


def test_loginpagina_in_het_nederlands(client):
    inhoud = client.get(reverse("login")).content.decode()
    assert "Gebruikersnaam" in inhoud and "Wachtwoord" in inhoud and 'lang="nl"' in inhoud


def test_verkeerd_wachtwoord_geeft_foutoverzicht(client, org):
    antwoord = client.post(reverse("login"), {"username": "teamlid", "password": "fout"})
    assert antwoord.status_code == 200
    assert "Controleer de volgende gegevens" in antwoord.content.decode()


def test_teamspagina_en_teampagina_renderen(client, org):
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert org.team_a.naam in client.get(reverse("wijkteams:teams")).content.decode()
    inhoud = client.get(org.team_a.get_absolute_url()).content.decode()
    assert "teamlid" in inhoud


def test_queries_teampagina_groeien_niet_mee(client, org, django_assert_max_num_queries):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    client.force_login(org.mensen["coordinator_eigen_gebied"])
    client.get(org.team_a.get_absolute_url())
    with django_assert_max_num_queries(9) as eerste:
        client.get(org.team_a.get_absolute_url())
    for _ in range(15):
        maak_gebruiker(org.gemeente, rollen.MEDEWERKER, teams=[org.team_a])
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        client.get(org.team_a.get_absolute_url())

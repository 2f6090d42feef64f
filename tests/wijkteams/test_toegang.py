"""Permission matrix for the team page (guardian, direct FK) and gemeente isolation in the API."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("wie", "verwacht"),
    [
        ("teamlid", 200),
        ("coordinator_eigen_gebied", 200),
        ("teamlid_jgt", 404),
        ("medewerker_ander_team", 404),
        ("coordinator_ander_gebied", 404),
        ("beleidsmedewerker", 404),
        ("lzn", 404),
        ("medewerker_andere_gemeente", 404),
        ("coordinator_andere_gemeente", 404),
    ],
)
def test_teampagina_alleen_voor_leden_en_coordinator(client, org, wie, verwacht):
    client.force_login(org.mensen[wie])
    assert client.get(org.team_a.get_absolute_url()).status_code == verwacht


def test_teampagina_zonder_inlog_stuurt_naar_inloggen(client, org):
    antwoord = client.get(org.team_a.get_absolute_url())
    assert antwoord.status_code == 302
    assert antwoord.url.startswith(reverse("login"))


def test_niet_bestaand_team_geeft_ook_404(client, org):
    client.force_login(org.mensen["teamlid"])
    assert client.get(reverse("wijkteams:team", args=[999999])).status_code == 404


def test_guardian_gebruikt_directe_fk_tabellen(org):
    from wijkteams.models import TeamGroupObjectPermission, TeamUserObjectPermission

    assert TeamGroupObjectPermission.objects.filter(content_object=org.team_a, group=org.team_a.groep).exists()
    coord = org.mensen["coordinator_eigen_gebied"]
    assert TeamUserObjectPermission.objects.filter(content_object=org.team_a, user=coord).exists()


@pytest.mark.parametrize("endpoint", ["gebied-list", "wijk-list", "team-list"])
def test_api_toont_alleen_de_eigen_gemeente(client, org, endpoint):
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    data = client.get(reverse(endpoint)).json()["results"]
    assert data
    assert {item["gemeente"] for item in data} == {org.andere_gemeente.pk}


def test_api_detail_van_andere_gemeente_is_404(client, org):
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.get(reverse("gebied-detail", args=[org.gebied_a.pk])).status_code == 404
    assert client.get(reverse("team-detail", args=[org.team_a.pk])).status_code == 404


def test_api_zonder_inlog_geweigerd(client, org):
    assert client.get(reverse("gebied-list")).status_code in (401, 403)


def test_api_met_token_voor_partnersystemen(client, org):
    from inloggen.models import ApiToken

    _token, geheim = ApiToken.objects.create(user=org.mensen["teamlid"], naam="koppeling")
    antwoord = client.get(reverse("wijk-list"), HTTP_AUTHORIZATION=f"Token {geheim}")
    assert antwoord.status_code == 200
    assert {w["cbs_code"] for w in antwoord.json()["results"]} == {"WK059701", "WK059703"}


def test_api_schema_en_docs_laden(client, org):
    client.force_login(org.mensen["teamlid"])
    schema = client.get(reverse("schema"))
    assert schema.status_code == 200
    assert b"/api/v1/gebieden/" in schema.content
    assert client.get(reverse("api-docs")).status_code == 200

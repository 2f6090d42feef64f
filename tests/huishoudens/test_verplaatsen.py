"""Moving a traject to another team or gebied: access follows, history kept, audited; only the regisseur or the
coördinator of the gebied."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens import services
from huishoudens.models import TrajectVerplaatsing
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import maak_dossier
from wijkteams import rollen


@pytest.fixture
def gezin(org):
    regisseur = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="regisseur", teams=[org.team_a])
    huishouden = maak_dossier(org, regisseur=regisseur, naam="Familie Verhuis", personen=2)
    return huishouden, huishouden.trajecten.get(), regisseur


def _pagina(client, user, huishouden):
    client.force_login(user)
    return client.get(reverse("huishoudens:huishouden", args=[huishouden.pk])).status_code


def test_naar_jgt_verplaatst_de_toegang_en_bewaart_de_geschiedenis(client, org, gezin):
    huishouden, traject, regisseur = gezin
    assert _pagina(client, org.mensen["teamlid"], huishouden) == 200
    assert _pagina(client, org.mensen["teamlid_jgt"], huishouden) == 404
    services.verplaats_traject(traject=traject, naar_team=org.team_a_jgt, door=regisseur,
                               reden="Er is een kind geboren.")
    traject.refresh_from_db()
    assert traject.team == org.team_a_jgt and traject.gebied == org.gebied_a
    assert _pagina(client, org.mensen["teamlid"], huishouden) == 404  # old team: gone
    assert _pagina(client, org.mensen["teamlid_jgt"], huishouden) == 200  # new team: in
    rij = TrajectVerplaatsing.objects.get(traject=traject)
    assert (rij.van_team, rij.naar_team, rij.reden, rij.door) == (org.team_a, org.team_a_jgt,
                                                                  "Er is een kind geboren.", regisseur)
    assert AuditEvent.objects.filter(object_type="huishoudens.traject", object_id=str(traject.pk),
                                     detail__verplaatst__naar_team=org.team_a_jgt.pk).exists()
    # the regisseur is not in the JGT: the regie ends, the personal access with it
    assert not traject.regisseurs.filter(tot__isnull=True).exists()
    assert _pagina(client, regisseur, huishouden) == 404


def test_verhuizing_naar_ander_gebied_door_coordinator_met_tweede_verplaatsing(client, org, gezin):
    huishouden, traject, regisseur = gezin
    coord_a, coord_b = org.mensen["coordinator_eigen_gebied"], org.mensen["coordinator_ander_gebied"]
    assert _pagina(client, coord_b, huishouden) == 404
    services.verplaats_traject(traject=traject, naar_team=org.team_b, naar_wijk=org.wijk_b, door=coord_a,
                               reden="Het gezin is verhuisd naar Centrum.")
    huishouden.refresh_from_db()
    assert huishouden.wijk == org.wijk_b
    assert _pagina(client, coord_b, huishouden) == 200
    assert _pagina(client, coord_a, huishouden) == 404
    assert _pagina(client, org.mensen["medewerker_ander_team"], huishouden) == 200
    # now coord_b may move it on; coord_a no longer may
    traject.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.verplaats_traject(traject=traject, naar_team=org.team_a, door=coord_a, reden="terug")
    services.verplaats_traject(traject=traject, naar_team=org.team_a, door=coord_b, reden="Toch terug.")
    assert list(TrajectVerplaatsing.objects.filter(traject=traject).values_list("naar_team", flat=True)) == [
        org.team_b.pk, org.team_a.pk]


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_ander_gebied", "beheer", "medewerker_andere_gemeente"])
def test_verkeerde_persoon_geweigerd(client, org, gezin, wie):
    huishouden, traject, _r = gezin
    with pytest.raises(PermissionDenied):
        services.verplaats_traject(traject=traject, naar_team=org.team_a_jgt, door=org.mensen[wie], reden="x")
    client.force_login(org.mensen[wie])
    url = reverse("huishoudens:verplaats", args=[huishouden.pk])
    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"naar_team": org.team_a_jgt.pk, "reden": "x"}).status_code in (403, 404)
    assert not TrajectVerplaatsing.objects.exists()


def test_zonder_reden_of_naar_zelfde_team_geweigerd(org, gezin):
    _h, traject, regisseur = gezin
    with pytest.raises(ValidationError):
        services.verplaats_traject(traject=traject, naar_team=org.team_a_jgt, door=regisseur, reden=" ")
    with pytest.raises(ValidationError):
        services.verplaats_traject(traject=traject, naar_team=org.team_a, door=regisseur, reden="zelfde")
    with pytest.raises(ValidationError):
        services.verplaats_traject(traject=traject, naar_team=org.team_ander, door=regisseur, reden="andere gemeente")
    assert not TrajectVerplaatsing.objects.exists()


def test_formulier_en_startpagina_van_beide_teams(client, org, gezin, django_assert_max_num_queries):
    huishouden, traject, regisseur = gezin
    client.force_login(regisseur)
    url = reverse("huishoudens:verplaats", args=[huishouden.pk])
    assert "Naar een ander team of gebied" in client.get(reverse("huishoudens:huishouden", args=[huishouden.pk])
                                                          ).content.decode()
    with django_assert_max_num_queries(30):
        pagina = client.get(url)
    assert pagina.status_code == 200 and 'name="reden"' in pagina.content.decode()
    fout = client.post(url, {"naar_team": org.team_a_jgt.pk, "reden": ""})
    assert fout.status_code == 400 and "Geef aan waarom" in fout.content.decode()
    antwoord = client.post(url, {"naar_team": org.team_a_jgt.pk, "reden": "Er is een kind geboren."})
    assert antwoord.status_code == 302
    # the new team sees it with a link, the old team sees that it left (without the household)
    client.force_login(org.mensen["teamlid_jgt"])
    nieuw = client.get(reverse("start")).content.decode()
    assert "Verplaatste trajecten" in nieuw and reverse("huishoudens:huishouden", args=[huishouden.pk]) in nieuw
    client.force_login(org.mensen["teamlid"])
    oud = client.get(reverse("start")).content.decode()
    assert "een traject ging van" in oud and reverse("huishoudens:huishouden", args=[huishouden.pk]) not in oud

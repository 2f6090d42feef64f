"""Emergency access ("doorbreekglas"): once, with a reason, for a day; reviewed by the coördinator; in "wie bekeek"."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditActie, AuditEvent
from huishoudens import services
from huishoudens.models import Noodtoegang
from tests.factories import maak_gebruiker
from wijkteams import rollen


@pytest.fixture
def buitenstaander(dossier):
    """A wijkteammedewerker of the same gemeente in another team: no access to the dossier."""
    return dossier.mensen["medewerker_ander_team"]


def test_zonder_noodtoegang_geen_dossier(client, dossier, buitenstaander):
    client.force_login(buitenstaander)
    assert client.get(dossier.huishouden.get_absolute_url()).status_code == 404


def test_noodtoegang_met_reden_opent_het_dossier_en_wordt_vastgelegd(client, dossier, buitenstaander):
    client.force_login(buitenstaander)
    url = reverse("huishoudens:noodtoegang", args=[dossier.huishouden.pk])
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {"reden": "Crisis in het weekend, regisseur niet bereikbaar"})
    assert antwoord.status_code == 302
    assert client.get(dossier.huishouden.get_absolute_url()).status_code == 200
    lezen = AuditEvent.objects.filter(actor=buitenstaander, huishouden_id=dossier.huishouden.pk,
                                      actie=AuditActie.GELEZEN)
    assert lezen.exists() and all(r.noodtoegang for r in lezen)
    assert AuditEvent.objects.get(actor=buitenstaander, detail__toegang="noodtoegang").noodtoegang
    toegang = Noodtoegang.objects.get(gebruiker=buitenstaander)
    assert toegang.tot - toegang.van == timedelta(days=1)


def test_noodtoegang_zonder_reden_wordt_geweigerd(client, dossier, buitenstaander):
    client.force_login(buitenstaander)
    antwoord = client.post(reverse("huishoudens:noodtoegang", args=[dossier.huishouden.pk]), {"reden": "even"})
    assert antwoord.status_code == 400
    assert "minstens 10 tekens" in antwoord.content.decode()
    assert not Noodtoegang.objects.exists()


def test_noodtoegang_maar_een_keer_tegelijk(dossier, buitenstaander):
    services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander, reden="Acute zorgen, politie belt")
    with pytest.raises(ValidationError, match="al noodtoegang"):
        services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander, reden="Nog een keer kijken")
    assert Noodtoegang.objects.count() == 1


def test_noodtoegang_verloopt_na_een_dag(client, dossier, buitenstaander):
    toegang = services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander,
                                  reden="Acute zorgen, politie belt")
    Noodtoegang.objects.filter(pk=toegang.pk).update(van=toegang.van - timedelta(days=1, minutes=1),
                                                     tot=toegang.tot - timedelta(days=1, minutes=1))
    client.force_login(buitenstaander)
    assert client.get(dossier.huishouden.get_absolute_url()).status_code == 404


def test_noodtoegang_is_alleen_lezen(client, dossier, buitenstaander):
    services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander, reden="Acute zorgen, politie belt")
    client.force_login(buitenstaander)
    antwoord = client.post(reverse("huishoudens:wijzigen", args=[dossier.huishouden.pk]), {"naam": "Anders"})
    assert antwoord.status_code == 404


@pytest.mark.parametrize("wie", ["medewerker_andere_gemeente", "beleidsmedewerker", "beheer"])
def test_noodtoegang_niet_voor_andere_gemeente_of_niet_professionals(client, dossier, wie):
    gebruiker = dossier.mensen[wie]
    client.force_login(gebruiker)
    url = reverse("huishoudens:noodtoegang", args=[dossier.huishouden.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reden": "Ik wil het gewoon zien graag"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.breek_glas(huishouden_id=dossier.huishouden.pk, door=gebruiker, reden="Ik wil het gewoon zien")


def test_wie_al_toegang_heeft_breekt_geen_glas(dossier):
    with pytest.raises(ValidationError, match="al toegang"):
        services.breek_glas(huishouden_id=dossier.huishouden.pk, door=dossier.mensen["teamlid"],
                            reden="Ik heb al toegang maar toch")


def test_de_coordinator_van_het_gebied_ziet_en_beoordeelt_de_noodtoegang(client, dossier, buitenstaander,
                                                                            django_assert_max_num_queries):
    services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander, reden="Acute zorgen, politie belt")
    client.force_login(dossier.mensen["coordinator_eigen_gebied"])
    with django_assert_max_num_queries(12):
        antwoord = client.get(reverse("huishoudens:noodtoegangen"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Acute zorgen, politie belt" in inhoud and "ander_team" in inhoud and dossier.huishouden.naam in inhoud
    toegang = Noodtoegang.objects.get()
    assert client.post(reverse("huishoudens:noodtoegang_beoordeeld", args=[toegang.pk])).status_code == 302
    toegang.refresh_from_db()
    assert toegang.beoordeeld_door == dossier.mensen["coordinator_eigen_gebied"]


def test_de_coordinator_van_een_ander_gebied_ziet_de_noodtoegang_niet(client, dossier, buitenstaander):
    services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander, reden="Acute zorgen, politie belt")
    client.force_login(dossier.mensen["coordinator_ander_gebied"])
    assert "Acute zorgen" not in client.get(reverse("huishoudens:noodtoegangen")).content.decode()
    toegang = Noodtoegang.objects.get()
    assert client.post(reverse("huishoudens:noodtoegang_beoordeeld", args=[toegang.pk])).status_code == 404
    client.force_login(dossier.mensen["teamlid"])
    assert client.get(reverse("huishoudens:noodtoegangen")).status_code == 404


def test_een_coordinator_beoordeelt_de_eigen_noodtoegang_niet(client, dossier):
    """Four eyes: a coördinator's own emergency access (e.g. to a household of a wijk in their gebied whose traject
    is with a team of another gebied) is reviewed by another coördinator of the gebied, never by themselves."""
    coordinator = dossier.mensen["coordinator_eigen_gebied"]
    collega = maak_gebruiker(dossier.org.gemeente, rollen.COORDINATOR, username="coord_a2",
                             coordinator_van=[dossier.org.gebied_a])
    nu = timezone.now()
    toegang = Noodtoegang.objects.create(huishouden=dossier.huishouden, gebruiker=coordinator, van=nu,
                                         tot=nu + timedelta(days=1), reden="Acute zorgen, politie belt")
    client.force_login(coordinator)
    assert "Acute zorgen" not in client.get(reverse("huishoudens:noodtoegangen")).content.decode()
    assert client.post(reverse("huishoudens:noodtoegang_beoordeeld", args=[toegang.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.beoordeel_noodtoegang(noodtoegang_id=toegang.pk, door=coordinator)
    toegang.refresh_from_db()
    assert toegang.beoordeeld_op is None
    client.force_login(collega)
    assert "Acute zorgen" in client.get(reverse("huishoudens:noodtoegangen")).content.decode()
    assert client.post(reverse("huishoudens:noodtoegang_beoordeeld", args=[toegang.pk])).status_code == 302
    toegang.refresh_from_db()
    assert toegang.beoordeeld_door == collega


def test_noodtoegang_staat_in_wie_bekeek(client, dossier, buitenstaander):
    services.breek_glas(huishouden_id=dossier.huishouden.pk, door=buitenstaander, reden="Acute zorgen, politie belt")
    client.force_login(buitenstaander)
    client.get(dossier.huishouden.get_absolute_url())
    client.force_login(dossier.mensen["regisseur"])
    inhoud = client.get(reverse("huishoudens:wie_bekeek", args=[dossier.huishouden.pk])).content.decode()
    assert "ander_team" in inhoud and "noodtoegang" in inhoud

"""The number of queries per page is pinned and does not grow with the data."""

from datetime import date

import pytest
from django.urls import reverse

from gemeenschap import mantelzorg, services
from tests.gemeenschap.conftest import maak_dossier
from tests.gemeenschap.factories import VrijwilligerFactory

pytestmark = pytest.mark.django_db


def _vul(org, n, regisseur):
    coord = org.mensen["coordinator_eigen_gebied"]
    for i in range(n):
        VrijwilligerFactory(wijk=org.wijk_a)
        services.registreer_activiteit(door=coord, wijk=org.wijk_a, soort="ontmoeting", titel=f"A{i}",
                                       startdatum=date(2025, 1, 1), bereik=i)
        d = maak_dossier(org, regisseur=regisseur, naam=f"Familie {i}")
        mantelzorg.registreer_mantelzorger(door=regisseur, persoon=d.persoon, zorgt_voor="x", uren_per_week=3,
                                           sinds=date(2024, 1, 1))
        services.registreer_klacht(door=coord, ontvangen_op=date(2025, 1, 1), onderwerp=f"K{i}", team=org.team_a,
                                   huishouden=d.huishouden)
        services.sla_clientervaring_op(door=coord, jaar=2025, vraag=f"Vraag {i}", score=70, gebied=org.gebied_a)


@pytest.mark.parametrize(("wie", "url", "maximum"), [
    ("sociaal_makelaar", "gemeenschap:vrijwilligers", 8),
    ("regisseur", "gemeenschap:mantelzorgers", 10),
    ("coordinator_eigen_gebied", "gemeenschap:activiteiten", 8),
    ("regisseur", "gemeenschap:klachten", 10),
    ("coordinator_eigen_gebied", "gemeenschap:clientervaring", 8),
    ("regisseur", "gemeenschap:hulpvragen", 10),
    ("coordinator_eigen_gebied", "gemeenschap:cijfers", 26),
])
def test_queries_lijstpaginas_groeien_niet_mee(client, org, wie, url, maximum, django_assert_max_num_queries):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    regisseur = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vaste_regisseur", teams=[org.team_a])
    org.mensen["regisseur"] = regisseur
    _vul(org, 2, regisseur)
    client.force_login(org.mensen[wie])
    client.get(reverse(url))
    with django_assert_max_num_queries(maximum) as eerste:
        assert client.get(reverse(url)).status_code == 200
    _vul(org, 8, regisseur)
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        assert client.get(reverse(url)).status_code == 200


def test_queries_huishoudpagina_en_hulpvraag(client, org, dossier, makelaar, django_assert_max_num_queries):
    hv = services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie)
    for _i in range(3):
        VrijwilligerFactory(wijk=org.wijk_a)
    client.force_login(makelaar)
    client.get(hv.get_absolute_url())
    with django_assert_max_num_queries(14) as eerste:
        client.get(hv.get_absolute_url())
    for _i in range(20):
        VrijwilligerFactory(wijk=org.wijk_a)
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        client.get(hv.get_absolute_url())
    client.force_login(dossier.regisseur)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("gemeenschap:huishouden", args=[dossier.huishouden.pk])).status_code == 200

"""Issue 17: the follow-up date (``vervolgdatum``) of a closed traject reaches its regisseur: in the "mijn" view of
the werkvoorraad and in the daily digest; not another team member, not the coördinator's digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huishoudens.services import sluit_traject_af
from tests.toegang_maatwerk.factories import maak_dossier
from toegang.melding import services as melding_services
from toegang.melding.notificaties import stuur_dagoverzichten

URL = reverse("toegang:werkvoorraad")
pytestmark = pytest.mark.django_db


def _met_email(*users):
    for user in users:
        user.email = f"{user.username}@wijkteam.example.nl"
        user.save(update_fields=["email"])


def _afgesloten(org, *, over_dagen, naam="Huishouden Vervolg"):
    """A traject of team A with regisseur teamlid, closed today with a follow-up contact ``over_dagen`` from now."""
    h = maak_dossier(org.team_a, regisseur=org.mensen["teamlid"], door=org.mensen["coordinator_eigen_gebied"],
                     naam=naam)
    sluit_traject_af(traject=h.traject, door=org.mensen["teamlid"], reden="doelen_bereikt", controles=False,
                     vervolgdatum=timezone.localdate() + timedelta(days=over_dagen))
    return h


def test_vervolgdatum_staat_in_de_werkvoorraad_van_de_regisseur(client, org, django_assert_max_num_queries):
    h = _afgesloten(org, over_dagen=5)
    verlopen = _afgesloten(org, over_dagen=-40, naam="Huishouden Lang Geleden")
    client.force_login(org.mensen["teamlid"])
    client.get(URL)
    with django_assert_max_num_queries(11):  # as pinned for the werkvoorraad (issue 15): no extra query
        inhoud = client.get(URL).content.decode()
    assert h.naam in inhoud and "Vervolgcontact" in inhoud
    assert verlopen.naam not in inhoud  # more than 30 days ago: out of the list
    # a member of another team, and of the same team who is not the regisseur, do not get it in "mijn"
    for ander in (org.mensen["medewerker_ander_team"], org.mensen["teamlid_jgt"]):
        client.force_login(ander)
        assert h.naam not in client.get(URL).content.decode()


def test_vervolgdatum_bij_afwezigheid_in_de_werkvoorraad_van_de_vervanger(client, org):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    h = _afgesloten(org, over_dagen=2)
    vervanger = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vervanger", teams=[org.team_a])
    vandaag = timezone.localdate()
    melding_services.registreer_afwezigheid(medewerker=org.mensen["teamlid"], van=vandaag, tot=vandaag,
                                            vervanger=vervanger, door=org.mensen["teamlid"])
    client.force_login(vervanger)
    assert h.naam in client.get(URL).content.decode()


def test_vervolgdatum_staat_in_het_dagoverzicht_van_de_regisseur(org):
    _met_email(*org.mensen.values())
    h = _afgesloten(org, over_dagen=3)
    _afgesloten(org, over_dagen=30, naam="Nog Ver Weg")  # not due within a week: not in the digest
    assert stuur_dagoverzichten() == 1
    bericht = mail.outbox[0]
    assert bericht.to == [org.mensen["teamlid"].email]
    assert f"Vervolgcontact afgesloten traject {h.traject.pk}" in bericht.body and "binnen een week" in bericht.body
    assert h.naam not in bericht.body and "Jansen" not in bericht.body

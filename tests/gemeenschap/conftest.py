"""Fixtures for gemeenschap: a household with a plan activity asking for a volunteer, its regisseur, and a
hand-made set of volunteers."""

from dataclasses import dataclass
from datetime import date

import pytest

from huishoudens import services
from huishoudens.models import Actie, Doel, Huishouden, Ladder, Leefgebied, NetwerkLid, Persoon, Plan
from tests.factories import WijkFactory, maak_gebruiker
from wijkteams import rollen


@dataclass
class Dossier:
    huishouden: object
    traject: object
    plan: object
    actie: object
    regisseur: object
    persoon: object
    netwerklid: object


def maak_dossier(org, *, wijk=None, team=None, regisseur=None, naam="Familie Jansen"):
    wijk = wijk or org.wijk_a
    team = team or org.team_a
    h = Huishouden.objects.create(gemeente=org.gemeente, wijk=wijk, straat="Kerkweg", huisnummer=1,
                                  postcode="2981 AB", woonplaats="Ridderkerk", naam=naam)
    persoon = Persoon.objects.create(huishouden=h, voornamen="Annie", achternaam="Jansen",
                                     geboortedatum=date(1950, 3, 1), rol=Persoon.Rol.HOOFDBEWONER)
    netwerklid = NetwerkLid.objects.create(huishouden=h, naam="Kees de Buur", soort=NetwerkLid.Soort.MANTELZORGER)
    coord = org.mensen["coordinator_eigen_gebied"]
    traject = services.open_traject(huishouden=h, team=team, door=coord)
    if regisseur is None:
        regisseur = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username=f"regisseur{h.pk}", teams=[team])
    services.wijs_regisseur_toe(traject=traject, regisseur=regisseur, door=coord)
    plan = Plan.objects.create(traject=traject, status=Plan.Status.ACTIEF)
    doel = Doel.objects.create(plan=plan, leefgebied=Leefgebied.SOCIAAL_NETWERK, omschrijving="Minder eenzaam")
    actie = Actie.objects.create(doel=doel, omschrijving="Maatje om wekelijks mee te wandelen",
                                 ladder=Ladder.VRIJWILLIGERS, wie="Vrijwilliger")
    return Dossier(h, traject, plan, actie, regisseur, persoon, netwerklid)


@pytest.fixture
def dossier(org):
    return maak_dossier(org)


@pytest.fixture
def makelaar(org):
    return org.mensen["sociaal_makelaar"]


@pytest.fixture
def wijk_a2(org):
    """A second wijk in gebied A: ‘nearby’ for wijk_a."""
    return WijkFactory(gemeente=org.gemeente, gebied=org.gebied_a, naam="Slikkerveer", cbs_code="WK059702")

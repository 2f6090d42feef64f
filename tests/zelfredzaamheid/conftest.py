"""Fixtures for the ZRM tests: a household of team A with two adults and a child, with an open traject."""

from dataclasses import dataclass
from datetime import date

import pytest

from huishoudens import services
from huishoudens.models import Doel, Huishouden, Persoon, Plan
from zelfredzaamheid.models import MatrixVersie


@dataclass
class Dossier:
    org: object
    huishouden: object
    traject: object
    jan: object
    els: object
    kind: object
    mensen: dict


def maak_huishouden(org, *, team=None, wijk=None, naam="Familie Jansen", personen=2, door=None):
    team = team or org.team_a
    wijk = wijk or (org.wijk_a if team.gebied_id == org.gebied_a.pk else org.wijk_b)
    h = Huishouden.objects.create(gemeente=team.gemeente, wijk=wijk, straat="Kerkweg", huisnummer=1,
                                  postcode="2981 AB", woonplaats="Ridderkerk", naam=naam)
    mensen = [Persoon.objects.create(huishouden=h, voornamen=f"Persoon{i}", achternaam=naam.split()[-1],
                                     geboortedatum=date(1970 + i, 1, 1)) for i in range(personen)]
    traject = services.open_traject(huishouden=h, team=team, door=door, aangemeld_op=date(2025, 1, 1))
    return h, traject, mensen


@pytest.fixture
def versie(db):
    return MatrixVersie.objects.get(code="2017")


@pytest.fixture
def oude_versie(db):
    return MatrixVersie.objects.get(code="2013")


@pytest.fixture
def dossier(org):
    h = Huishouden.objects.create(gemeente=org.gemeente, wijk=org.wijk_a, straat="Kerkweg", huisnummer=12,
                                  postcode="2981 AB", woonplaats="Ridderkerk", naam="Familie Jansen")
    jan = Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Jansen", geboortedatum=date(1970, 3, 1))
    els = Persoon.objects.create(huishouden=h, voornamen="Els", achternaam="Jansen", geboortedatum=date(1972, 5, 1))
    kind = Persoon.objects.create(huishouden=h, voornamen="Sem", achternaam="Jansen", geboortedatum=date(2015, 5, 1))
    traject = services.open_traject(huishouden=h, team=org.team_a, door=org.mensen["coordinator_eigen_gebied"],
                              aangemeld_op=date(2025, 1, 1))
    services.wijs_regisseur_toe(traject=traject, regisseur=org.mensen["teamlid"],
                                door=org.mensen["coordinator_eigen_gebied"])
    return Dossier(org, h, traject, jan, els, kind, org.mensen)


@pytest.fixture
def doel(dossier):
    plan = Plan.objects.create(traject=dossier.traject, status=Plan.Status.ACTIEF)
    return Doel.objects.create(plan=plan, leefgebied="financien", omschrijving="Schulden in beeld")

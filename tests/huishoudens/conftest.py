from dataclasses import dataclass, field

import pytest

from huishoudens import services
from huishoudens.models import Leefgebied
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import AanbodFactory, NetwerkLidFactory, maak_dossier
from wijkteams import rollen


@dataclass
class Dossier:
    huishouden: object
    traject: object
    mensen: dict = field(default_factory=dict)
    org: object = None
    gesprek: object = None
    plan: object = None


@pytest.fixture
def dossier(org):
    """A household in Sociaal team A with a regisseur, a network member, a gesprek and a plan with a goal."""
    regisseur = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="regisseur", teams=[org.team_a])
    h = maak_dossier(org, regisseur=regisseur, naam="Familie Öztürk-Jansen", personen=3)
    traject = h.trajecten.get()
    lid = NetwerkLidFactory(huishouden=h)
    gesprek = services.bewaar_gesprek(
        traject=traject, door=regisseur, velden={"datum": "2026-01-15", "plaats": "thuis",
                                                 "eigen_woorden": "We willen weer rust in huis.",
                                                 "clientondersteuning_aangeboden": True},
        leefgebieden={Leefgebied.FINANCIEN: {"wat_speelt": "Achterstand huur", "nodig": "Overzicht in schulden"}},
        deelnemers_huishouden=list(h.personen.all()[:1]), deelnemers_netwerk=[lid])
    plan = services.maak_plan(traject=traject, door=regisseur)
    services.voeg_doel_toe(plan=plan, door=regisseur, lock_versie=0, leefgebied=Leefgebied.FINANCIEN,
                           omschrijving="Schulden zijn in beeld en er is een betaalregeling",
                           resultaat="Alle rekeningen op tijd betaald")
    plan.refresh_from_db()
    mensen = dict(org.mensen, regisseur=regisseur)
    traject.refresh_from_db()
    return Dossier(huishouden=h, traject=traject, mensen=mensen, org=org, gesprek=gesprek, plan=plan)


@pytest.fixture
def aanbod(org):
    return AanbodFactory(wijk=org.wijk_a, naam="Schuldhulpmaatje Ridderkerk", soort="vrijwilligers")

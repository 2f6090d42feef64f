"""Factories for the dossier. Households get a traject through the services, so access is real."""

from datetime import date

import factory

from huishoudens import services
from huishoudens.models import Huishouden, NetwerkLid, Persoon
from tests.factories import bsn_reeks
from wijkteams.models import Aanbod

_bsns = bsn_reeks(999950000)


def volgend_bsn():
    return next(_bsns)


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    gemeente = factory.LazyAttribute(lambda o: o.wijk.gemeente)
    straat = "Kerkweg"
    huisnummer = factory.Sequence(lambda n: n + 1)
    postcode = "2981 AB"
    woonplaats = "Ridderkerk"
    naam = factory.Sequence(lambda n: f"Huishouden Test{n}")
    samenstelling = Huishouden.Samenstelling.PAAR


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    huishouden = factory.SubFactory(HuishoudenFactory)
    voornamen = "Jan"
    achternaam = factory.Sequence(lambda n: f"Achternaam{n}")
    geboortedatum = date(1970, 5, 17)
    bsn = factory.LazyFunction(volgend_bsn)
    rol = Persoon.Rol.HOOFDBEWONER

    class Params:
        kind = factory.Trait(geboortedatum=date(2015, 3, 1), rol=Persoon.Rol.KIND, voornamen="Zoë")


class NetwerkLidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetwerkLid

    naam = "Buurvrouw Ans"
    soort = NetwerkLid.Soort.BUREN
    wat_kan = "Boodschappen doen"


class AanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbod

    gemeente = factory.LazyAttribute(lambda o: o.wijk.gemeente if o.wijk else o.gebied.gemeente)
    wijk = None
    gebied = None
    soort = Aanbod.Soort.VRIJWILLIGERSORGANISATIE
    naam = factory.Sequence(lambda n: f"Aanbod {n}")
    aanbieder = "Sport en Welzijn"
    contact = "0180-123456"


def maak_dossier(org, *, team=None, regisseur=None, door=None, wijk=None, naam=None, personen=2):
    """A household in ``team`` (default team_a) with an open traject and (optionally) a regisseur."""
    team = team or org.team_a
    wijk = wijk or (org.wijk_a if team.gebied_id == org.gebied_a.pk else team.gebied.wijken.first())
    h = HuishoudenFactory(wijk=wijk, **({"naam": naam} if naam else {}))
    for i in range(personen):
        PersoonFactory(huishouden=h, **({"kind": True} if i == 2 else {}))
    door = door or org.mensen["coordinator_eigen_gebied"]
    traject = services.open_traject(huishouden=h, team=team, door=door)
    if regisseur is not None:
        services.wijs_regisseur_toe(traject=traject, regisseur=regisseur, door=door)
    return h

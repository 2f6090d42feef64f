"""Factories for meldingen: catalogues, households with or without children, postcodes."""

from datetime import date

import factory

from huishoudens.models import Huishouden, Persoon
from toegang.melding import services
from toegang.models import PostcodeWijk
from wijkteams.models import Kanaal, Organisatie, SignaalgeverType


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    straat = "Kerkweg"
    huisnummer = factory.Sequence(lambda n: n + 1)
    postcode = "2981 AB"
    woonplaats = "Ridderkerk"
    naam = factory.Sequence(lambda n: f"Huishouden Test{n}")


def maak_huishouden(wijk, *, kind=False, **velden):
    h = HuishoudenFactory(gemeente=wijk.gemeente, wijk=wijk, **velden)
    Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Test", geboortedatum=date(1980, 1, 1),
                           rol=Persoon.Rol.HOOFDBEWONER)
    if kind:
        Persoon.objects.create(huishouden=h, voornamen="Sem", achternaam="Test",
                               geboortedatum=date(date.today().year - 8, 1, 1), rol=Persoon.Rol.KIND)
    return h


def catalogi(gemeente):
    inwoner, _ = SignaalgeverType.objects.get_or_create(gemeente=gemeente, code="inwoner",
                                                        defaults={"naam": "Inwoner zelf"})
    huisarts, _ = SignaalgeverType.objects.get_or_create(gemeente=gemeente, code="huisarts",
                                                         defaults={"naam": "Huisarts", "is_partner": True})
    telefoon, _ = Kanaal.objects.get_or_create(gemeente=gemeente, code="telefoon", defaults={"naam": "Telefoon"})
    partner, _ = Kanaal.objects.get_or_create(gemeente=gemeente, code="partner", defaults={"naam": "Via partner"})
    online, _ = Kanaal.objects.get_or_create(gemeente=gemeente, code="online", defaults={"naam": "Online formulier"})
    return {"inwoner": inwoner, "huisarts": huisarts, "telefoon": telefoon, "partner": partner, "online": online}


def maak_partner(gemeente, code="praktijk", naam="Huisartsenpraktijk"):
    org, _ = Organisatie.objects.get_or_create(gemeente=gemeente, code=code,
                                               defaults={"naam": naam, "soort": Organisatie.Soort.SIGNAALGEVER})
    return org


def postcodes(org):
    PostcodeWijk.objects.get_or_create(gemeente=org.gemeente, postcode="2981", defaults={"wijk": org.wijk_a})
    PostcodeWijk.objects.get_or_create(gemeente=org.gemeente, postcode="2983", defaults={"wijk": org.wijk_b})
    ander = org.team_ander.gebied.wijken.first()
    PostcodeWijk.objects.get_or_create(gemeente=org.andere_gemeente, postcode="2951", defaults={"wijk": ander})


def melding(huishouden, *, door=None, leefgebieden=("financien",), **velden):
    cat = catalogi(huishouden.gemeente)
    standaard = {"signaalgever_type": cat["inwoner"], "kanaal": cat["telefoon"], "vraag": "Ik kom er niet uit.",
                 "toestemming": True}
    standaard.update(velden)
    return services.registreer_melding(gemeente=huishouden.gemeente, door=door, huishouden=huishouden,
                                       leefgebieden=list(leefgebieden), **standaard)

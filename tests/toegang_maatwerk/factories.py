"""Dossiers with an active plan and goal, ready for a maatwerk request."""

from datetime import date, timedelta

from django.utils import timezone

from huishoudens import services as huishouden_services
from huishoudens.models import Doel, Huishouden, Leefgebied, Persoon, Plan
from tests.factories import bsn_reeks
from toegang.maatwerk import services as maatwerk_services
from toegang.models import Aanbieder, Eenheid, Frequentie, Product

_BSNS = bsn_reeks(999990000)


def volgende_bsn():
    while True:
        bsn = next(_BSNS)
        if not Persoon.objects.filter(bsn=bsn).exists():
            return bsn


def maak_dossier(team, *, regisseur=None, door=None, met_kind=False, naam="Huishouden Jansen",
                 geboortedatum=date(1970, 5, 1)):
    h = Huishouden.objects.create(
        gemeente=team.gemeente, wijk=team.gebied.wijken.first() if team.gebied else team.gemeente.wijken.first(),
        straat="Kerkweg", huisnummer=12, postcode="2981 AB", woonplaats="Ridderkerk", naam=naam)
    volwassene = Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Jansen", bsn=volgende_bsn(),
                                        geboortedatum=geboortedatum, rol=Persoon.Rol.HOOFDBEWONER)
    kind = None
    if met_kind:
        kind = Persoon.objects.create(huishouden=h, voornamen="Zoë", achternaam="Jansen", bsn=volgende_bsn(),
                                      geboortedatum=timezone.localdate() - timedelta(days=365 * 9),
                                      rol=Persoon.Rol.KIND)
    traject = huishouden_services.open_traject(huishouden=h, team=team, door=door)
    if regisseur is not None:
        huishouden_services.wijs_regisseur_toe(traject=traject, regisseur=regisseur, door=door)
    plan = Plan.objects.create(traject=traject, status=Plan.Status.ACTIEF)
    doel = Doel.objects.create(plan=plan, leefgebied=Leefgebied.ZELFZORG, omschrijving="Zelfstandig blijven wonen")
    h.volwassene, h.kind, h.traject, h.doel = volwassene, kind, traject, doel
    return h


def vraag_aan(dossier, door, *, product_code="01A01", client=None, budget=None, aanvraagdatum=None, **extra):
    gemeente = dossier.gemeente
    velden = {
        "doel": dossier.doel, "door": door, "client": client or dossier.volwassene,
        "product": Product.objects.get(gemeente=gemeente, code=product_code),
        "aanbieder": Aanbieder.objects.filter(gemeente=gemeente).order_by("id").first(),
        "start": date(2026, 3, 1), "eind": date(2026, 8, 31),
        "motivering": "Het netwerk kan het huishouden niet meer bijhouden en een algemene voorziening is er niet.",
        "aanvraagdatum": aanvraagdatum,
    }
    if budget is None:
        velden.update(volume=3, eenheid=Eenheid.objects.get(code="04"), frequentie=Frequentie.objects.get(code="2"))
    else:
        velden["budget"] = budget
    velden.update(extra)
    return maatwerk_services.dien_aanvraag_in(**velden)

"""The verslag of the keukentafelgesprek for the resident (Wmo: written report of the onderzoek)."""

from django.utils import timezone

from common.pdf import maak_pdf
from huishoudens import selectors


def verslag_context(gesprek):
    traject = gesprek.traject
    huishouden = traject.huishouden
    plan = selectors.actief_plan(traject)
    return {
        "gesprek": gesprek,
        "huishouden": huishouden,
        "gemeente": huishouden.gemeente,
        "leefgebieden": list(gesprek.leefgebieden.all()),
        "deelnemers": list(gesprek.deelnemers_huishouden.all()),
        "netwerk": list(gesprek.deelnemers_netwerk.all()),
        "professionals": list(gesprek.deelnemers_professionals.all()),
        "plan": plan,
        "doelen": list(plan.doelen.prefetch_related("acties")) if plan else [],
        "gemaakt_op": timezone.localdate(),
    }


def maak_verslag_pdf(gesprek):
    return maak_pdf("huishoudens/pdf/verslag.html", verslag_context(gesprek))

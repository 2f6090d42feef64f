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


def bewaar_definitief_verslag(gesprek_id):
    """Store the verslag of a final gesprek in ``verslag_pdf``, so the resident's copy never changes afterwards.

    Idempotent: a gesprek that is missing, still a draft, or already has its PDF is left alone.
    """
    from django.core.files.base import ContentFile
    from django.db import transaction

    from huishoudens.models import Keukentafelgesprek

    with transaction.atomic():
        gesprek = (Keukentafelgesprek.objects.select_for_update().filter(pk=gesprek_id)
                   .select_related("traject__huishouden__gemeente").first())
        if gesprek is None or not gesprek.is_definitief or gesprek.verslag_pdf:
            return None
        pdf = maak_verslag_pdf(gesprek)
        gesprek.verslag_pdf.save(f"verslag-{gesprek.pk}-{gesprek.datum:%Y%m%d}.pdf", ContentFile(pdf), save=False)
        Keukentafelgesprek.objects.filter(pk=gesprek.pk).update(verslag_pdf=gesprek.verslag_pdf.name)
    return gesprek.verslag_pdf.name
